package dev.daap.domain.backup;

import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The record of backups (a secondary port). Calls join the transaction open on the calling thread. */
public interface Backups {

    void add(Backup backup);

    /** The backup with this id, deleted or not. */
    Optional<Backup> find(BackupId id);

    /** The backup that the job {@code operationId} works on, deleted or not. */
    Optional<Backup> findByOperation(UUID operationId);

    /** The live backups of a database, newest first. */
    List<Backup> liveOf(DatabaseId database);

    /** A page of the live backups of a database, newest first (keyset on creation and id). */
    Page<Backup> page(BackupQuery query);

    /**
     * Replaces the stored backup with {@code changed} if its stored version is still {@code expectedVersion};
     * throws {@code ConcurrentChangeException} otherwise.
     */
    void update(Backup changed, long expectedVersion);

    /**
     * A sample for restore drills: the newest ready backup of up to {@code limit} databases, those whose newest
     * backup was drilled longest ago (or never) first, without one whose drill is pending; locked until the
     * transaction ends, skipping any locked by another.
     */
    List<Backup> lockSampleForDrills(int limit);

    /**
     * Locks the backups of a database against another transaction's lock of them until this transaction ends, so that
     * counting them and adding one is not raced.
     */
    void lockBackupsOf(DatabaseId database);

    /** Remembers that the new database {@code target} starts with the contents of {@code backup}. */
    void recordRestoreSource(DatabaseId target, BackupId backup);

    /** The backup the database {@code target} is restored from; empty for a database that is not a restore. */
    Optional<BackupId> restoreSourceOf(DatabaseId target);
}
