package dev.daap.bootstrap;

import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.adapters.postgres.SchemaVersion;
import dev.daap.domain.error.StoreUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ready when the metadata database answers and has every changeset this build knows applied. */
final class DatabaseReadiness implements ReadinessCheck {
    private static final Logger log = LoggerFactory.getLogger(DatabaseReadiness.class);
    private final SchemaVersion schemaVersion;
    private final int expectedChangesets;

    DatabaseReadiness(SchemaVersion schemaVersion, int expectedChangesets) {
        this.schemaVersion = schemaVersion;
        this.expectedChangesets = expectedChangesets;
    }

    @Override
    public Readiness check() {
        int applied;
        try {
            applied = schemaVersion.appliedChangesets();
        } catch (StoreUnavailableException e) {
            log.debug("readiness: the metadata database does not answer", e);
            return new Readiness(false, Map.of("database", "unreachable", "migrations", "unknown"));
        } catch (RuntimeException e) {
            // It answers, but the changelog table is missing or unreadable: not migrated
            // (DAAP_MIGRATE_ON_START=false?).
            log.debug("readiness: cannot read the applied migrations", e);
            return new Readiness(false, Map.of("database", "up", "migrations", "not applied"));
        }
        boolean current = applied >= expectedChangesets;
        return new Readiness(
                current,
                Map.of(
                        "database",
                        "up",
                        "migrations",
                        current ? "current" : applied + " of " + expectedChangesets + " applied"));
    }
}
