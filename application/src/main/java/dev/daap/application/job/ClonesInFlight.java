package dev.daap.application.job;

import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a clone of a database is still being made. A clone's job copies its source on the cluster and hands the
 * copy's objects over between the source's role and its own; parking or dropping the source meanwhile (its deactivate
 * or purge job, on another worker) could leave the clone half made or the source owned by the clone's role. So those
 * jobs wait while a clone of their database is pending or provisioning, and a clone starts only from a ready source
 * ({@link ProvisionDatabase}): whichever comes second waits for, or is refused by, the first.
 */
public final class ClonesInFlight {
    /** How long a deactivate or purge waits before it looks again. */
    static final Duration WAIT = Duration.ofSeconds(1);

    private final Snapshots snapshots;
    private final Databases databases;

    public ClonesInFlight(Snapshots snapshots, Databases databases) {
        this.snapshots = snapshots;
        this.databases = databases;
    }

    /** True while a clone of {@code source} is pending or provisioning. */
    public boolean of(DatabaseId source) {
        return snapshots.clonesOf(source).stream()
                .map(databases::find)
                .flatMap(Optional::stream)
                .map(Database::status)
                .anyMatch(status -> status == DatabaseStatus.PENDING || status == DatabaseStatus.PROVISIONING);
    }
}
