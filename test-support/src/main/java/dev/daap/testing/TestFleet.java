package dev.daap.testing;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.database.Database;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A fleet of fake clusters for use-case and HTTP tests: the in-memory stores of clusters and their admin URLs, and
 * the fake provisioner behind every cluster. {@link #register} adds a cluster straight to the stores (as registering
 * it would, without the API), up and active, at {@link FakeProvisioner#ADMIN_URL}.
 */
public final class TestFleet {
    public final InMemoryClusters clusters;
    public final InMemoryClusterSecrets secrets = new InMemoryClusterSecrets();
    public final FakeProvisioner provisioner = new FakeProvisioner();

    /** @param databases every database stored, for the clusters' recount */
    public TestFleet(Supplier<List<Database>> databases) {
        this.clusters = new InMemoryClusters(databases);
    }

    /** A fleet with one cluster, {@code default}, without limits. */
    public static TestFleet withDefault(Supplier<List<Database>> databases) {
        var fleet = new TestFleet(databases);
        fleet.register(ClusterName.DEFAULT.value(), ClusterSettings.DEFAULTS);
        return fleet;
    }

    public Cluster register(String name, ClusterSettings settings) {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        AdminUrl adminUrl = AdminUrl.parse(FakeProvisioner.ADMIN_URL);
        Cluster cluster = Cluster.registered(
                new ClusterId(UUID.randomUUID()),
                new ClusterName(name),
                settings,
                adminUrl.address(),
                ClusterHealth.up(now, FakeProvisioner.SERVER_VERSION, 1),
                now);
        clusters.add(cluster);
        secrets.store(cluster.id(), adminUrl);
        return cluster;
    }

    /** The cluster as stored now. */
    public Cluster cluster(String name) {
        return clusters.findByName(new ClusterName(name)).orElseThrow();
    }
}
