package dev.daap.bootstrap;

import dev.daap.adapters.postgres.PostgresServerVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of the one provisioning target there is today, asked over a connection of its own and kept for a
 * minute: any API key may ask for the version, and a new connection per request to a cluster is not a thing to
 * hand out. A target that does not answer is {@code unreachable}, asked again on the next request.
 */
final class ProvisioningTargetVersion implements ClusterVersions {
    static final String NAME = "default";
    static final String UNREACHABLE = "unreachable";
    private static final Duration KEPT = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ProvisioningTargetVersion.class);
    private final DataSource target;
    private final Clock clock;
    private String version;
    private Instant askedAt = Instant.MIN;

    ProvisioningTargetVersion(DataSource target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public synchronized Map<String, String> byCluster() {
        Instant now = clock.instant();
        if (version == null || now.isAfter(askedAt.plus(KEPT))) {
            try {
                version = PostgresServerVersion.of(target);
                askedAt = now;
            } catch (RuntimeException e) {
                log.debug("the provisioning target's version cannot be read", e);
                return Map.of(NAME, UNREACHABLE);
            }
        }
        return Map.of(NAME, version);
    }
}
