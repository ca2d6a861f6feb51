package dev.daap.bootstrap;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.Cluster;
import dev.daap.testing.TestPostgres;
import java.util.Map;

/** What the end-to-end tests on their own Wiring share: the test server registered as the default cluster. */
final class TestClusters {
    private TestClusters() {}

    /** Registers {@code postgres} (its superuser, its {@code postgres} database) as {@code wiring}'s default cluster. */
    static Cluster registerDefault(Wiring wiring, TestPostgres postgres) {
        return wiring.registerDefaultCluster()
                .execute(
                        new AdminUrl(
                                postgres.host(),
                                postgres.port(),
                                "postgres",
                                postgres.user(),
                                postgres.password(),
                                Map.of()),
                        ClientEndpoint.DEFAULTS)
                .orElseThrow();
    }
}
