package dev.daap.bootstrap;

import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.adapters.postgres.SchemaVersion;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.migrations.MigrationStatus;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready when the metadata database answers and has every changeset this build knows applied. An instance that
 * started on a schema with changes pending (DAAP_MIGRATE_ON_START=false) never is: it started no workers, no event
 * relay and no housekeeping, and its requests would fail on missing tables; it says so, and that a restart after
 * {@code daap migrate up} is what it needs.
 */
final class DatabaseReadiness implements ReadinessCheck {
    private static final Logger log = LoggerFactory.getLogger(DatabaseReadiness.class);
    private final SchemaVersion schemaVersion;
    private final int expectedChangesets;
    private final Optional<String> refusal;

    /** @param atStart the schema as start-up found it (after applying what it was allowed to) */
    DatabaseReadiness(SchemaVersion schemaVersion, MigrationStatus atStart, String schema) {
        this.schemaVersion = schemaVersion;
        this.expectedChangesets = atStart.applied().size() + atStart.pending().size();
        this.refusal = atStart.isCurrent()
                ? Optional.empty()
                : Optional.of("schema " + schema + " had " + atStart.pending().size() + " pending changeset(s) when "
                        + "this instance started (DAAP_MIGRATE_ON_START=false): run `daap migrate up`, then restart "
                        + "this instance");
    }

    @Override
    public Optional<String> refusal() {
        return refusal;
    }

    @Override
    public Readiness check() {
        int applied;
        try {
            applied = schemaVersion.appliedChangesets();
        } catch (StoreUnavailableException e) {
            log.debug("readiness: the metadata database does not answer", e);
            return new Readiness(false, Map.of("database", "unreachable", "migrations", refusal.orElse("unknown")));
        } catch (RuntimeException e) {
            // It answers, but the changelog table is missing or unreadable: not migrated.
            log.debug("readiness: cannot read the applied migrations", e);
            return new Readiness(false, Map.of("database", "up", "migrations", refusal.orElse("not applied")));
        }
        boolean current = applied >= expectedChangesets;
        if (refusal.isPresent()) {
            return new Readiness(
                    false,
                    Map.of(
                            "database",
                            "up",
                            "migrations",
                            current
                                    ? "applied after this instance started, which runs without workers: restart it"
                                    : refusal.get()));
        }
        return new Readiness(
                current,
                Map.of(
                        "database",
                        "up",
                        "migrations",
                        current ? "current" : applied + " of " + expectedChangesets + " applied"));
    }
}
