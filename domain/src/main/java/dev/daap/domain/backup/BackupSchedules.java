package dev.daap.domain.backup;

import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.DatabaseId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which databases have scheduled backups and when each is due next (a secondary port). Calls join the transaction
 * open on the calling thread.
 */
public interface BackupSchedules {

    /** Sets (or with null, ends) the database's policy; a set one is due at {@code dueAt}. */
    void setPolicy(DatabaseId database, BackupPolicy policy, Instant dueAt);

    /** The database's policy; empty when it has none. */
    Optional<BackupPolicy> policyOf(DatabaseId database);

    /**
     * Up to {@code limit} databases due at or before {@code now}, longest due first, locked until the transaction
     * ends, skipping any another transaction holds: two instances never take the same slot's backup.
     */
    List<Due> lockDue(Instant now, int limit);

    /** The database is next due at {@code dueAt}. */
    void reschedule(DatabaseId database, Instant dueAt);

    /** Marks the backup as taken by the schedule: retention counts only those. */
    void markScheduled(BackupId backup);

    /** The database's ready scheduled backups, newest first, locked, skipping any another transaction holds. */
    List<Backup> readyScheduledOf(DatabaseId database);

    /** A database whose scheduled backup is due, with its policy. */
    record Due(DatabaseId database, BackupPolicy policy) {}
}
