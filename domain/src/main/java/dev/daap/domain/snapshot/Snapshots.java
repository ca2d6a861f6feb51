package dev.daap.domain.snapshot;

import dev.daap.domain.database.DatabaseId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of snapshots, and of where each clone came from (a secondary port). Calls join the transaction open
 * on the calling thread.
 */
public interface Snapshots {

    void add(Snapshot snapshot);

    /** The snapshot with this id, deleted or not. */
    Optional<Snapshot> find(SnapshotId id);

    /** The snapshot that the job {@code operationId} works on, deleted or not. */
    Optional<Snapshot> findByOperation(UUID operationId);

    /**
     * Holds the database's snapshot lock until the transaction ends, so requests that count its snapshots against
     * the limit take turns.
     */
    void lockSnapshotsOf(DatabaseId database);

    /** The live snapshots of a database, newest first. */
    List<Snapshot> liveOf(DatabaseId database);

    /**
     * Replaces the stored snapshot with {@code changed} if its stored version is still {@code expectedVersion};
     * throws {@code ConcurrentChangeException} otherwise.
     */
    void update(Snapshot changed, long expectedVersion);

    /** Remembers that the new database {@code clone} is made from {@code source} (the snapshot, if one is named). */
    void recordCloneSource(DatabaseId clone, CloneSource source);

    /** Where the database {@code clone} is made from; empty for a database that is not a clone. */
    Optional<CloneSource> cloneSourceOf(DatabaseId clone);

    /** Every database made as a clone of {@code source} (of it or of one of its snapshots), whatever its status. */
    List<DatabaseId> clonesOf(DatabaseId source);
}
