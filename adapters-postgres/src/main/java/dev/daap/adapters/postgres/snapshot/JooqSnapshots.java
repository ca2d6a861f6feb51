package dev.daap.adapters.postgres.snapshot;

import static dev.daap.adapters.postgres.generated.Tables.CLONE_SOURCES;
import static dev.daap.adapters.postgres.generated.Tables.SNAPSHOTS;

import dev.daap.adapters.postgres.AdvisoryLocks;
import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.SnapshotsRecord;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record1;
import org.jooq.ResultQuery;

/** The {@link Snapshots} port on PostgreSQL: a few rows per database, read by id, by job, or all of one database. */
public final class JooqSnapshots implements Snapshots {
    /** The first key of the advisory locks of snapshot counts; other locks of DAAP's use other keys. */
    private static final int SNAPSHOT_LOCKS = 0x5_0a75;

    private final JooqSession session;

    public JooqSnapshots(JooqSession session) {
        this.session = session;
    }

    @Override
    public void add(Snapshot snapshot) {
        session.dsl().insertInto(SNAPSHOTS).set(fill(snapshot)).execute();
    }

    @Override
    public Optional<Snapshot> find(SnapshotId id) {
        return session.dsl()
                .selectFrom(SNAPSHOTS)
                .where(SNAPSHOTS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqSnapshots::toDomain);
    }

    @Override
    public Optional<Snapshot> findByOperation(UUID operationId) {
        return session.dsl()
                .selectFrom(SNAPSHOTS)
                .where(SNAPSHOTS.OPERATION_ID.eq(operationId))
                .fetchOptional()
                .map(JooqSnapshots::toDomain);
    }

    /** A transaction-scoped advisory lock keyed by the database id, in a key space of its own (two int keys). */
    @Override
    public void lockSnapshotsOf(DatabaseId database) {
        AdvisoryLocks.lockUntilCommit(session.dsl(), SNAPSHOT_LOCKS, database.toString());
    }

    @Override
    public List<Snapshot> liveOf(DatabaseId database) {
        return session.dsl()
                .selectFrom(SNAPSHOTS)
                .where(SNAPSHOTS.DATABASE_ID.eq(database.value()))
                .and(SNAPSHOTS.DELETED_AT.isNull())
                .orderBy(SNAPSHOTS.CREATED_AT.desc(), SNAPSHOTS.ID.desc())
                .fetch(JooqSnapshots::toDomain);
    }

    @Override
    public void update(Snapshot changed, long expectedVersion) {
        SnapshotsRecord values = fill(changed);
        values.changed(SNAPSHOTS.ID, false);
        values.changed(SNAPSHOTS.CREATED_AT, false);
        int updated = session.dsl()
                .update(SNAPSHOTS)
                .set(values)
                .where(SNAPSHOTS.ID.eq(changed.id().value()))
                .and(SNAPSHOTS.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            throw new ConcurrentChangeException("snapshot", changed.id().toString());
        }
    }

    @Override
    public void recordCloneSource(DatabaseId clone, CloneSource source) {
        session.dsl()
                .insertInto(CLONE_SOURCES)
                .set(CLONE_SOURCES.DATABASE_ID, clone.value())
                .set(CLONE_SOURCES.SOURCE_DATABASE_ID, source.database().value())
                .set(
                        CLONE_SOURCES.SOURCE_SNAPSHOT_ID,
                        source.snapshot().map(SnapshotId::value).orElse(null))
                .execute();
    }

    @Override
    public Optional<CloneSource> cloneSourceOf(DatabaseId clone) {
        return session.dsl()
                .selectFrom(CLONE_SOURCES)
                .where(CLONE_SOURCES.DATABASE_ID.eq(clone.value()))
                .fetchOptional()
                .map(row -> new CloneSource(
                        new DatabaseId(row.getSourceDatabaseId()),
                        Optional.ofNullable(row.getSourceSnapshotId()).map(SnapshotId::new)));
    }

    @Override
    public List<DatabaseId> clonesOf(DatabaseId source) {
        return clonesOfQuery(source).fetch(row -> new DatabaseId(row.value1()));
    }

    /** The query of {@link #clonesOf}, as it runs (query-plan tests explain it). */
    ResultQuery<Record1<UUID>> clonesOfQuery(DatabaseId source) {
        return session.dsl()
                .select(CLONE_SOURCES.DATABASE_ID)
                .from(CLONE_SOURCES)
                .where(CLONE_SOURCES.SOURCE_DATABASE_ID.eq(source.value()));
    }

    private static SnapshotsRecord fill(Snapshot snapshot) {
        var record = new SnapshotsRecord();
        record.setId(snapshot.id().value());
        record.setDatabaseId(snapshot.databaseId().value());
        record.setOwnerTeam(snapshot.ownerTeam().value());
        record.setClusterId(snapshot.cluster().id().value());
        record.setClusterName(snapshot.cluster().name().value());
        record.setDescription(snapshot.description());
        record.setRestoreOf(
                snapshot.restoreOf() == null ? null : snapshot.restoreOf().value());
        record.setStatus(snapshot.status().wireName());
        record.setSizeBytes(snapshot.sizeBytes());
        record.setUnavailableMs(
                snapshot.unavailable() == null ? null : snapshot.unavailable().toMillis());
        record.setOperationId(snapshot.operationId());
        record.setFailureReason(snapshot.failureReason());
        record.setCreatedAt(snapshot.createdAt());
        record.setUpdatedAt(snapshot.updatedAt());
        record.setDeletedAt(snapshot.deletedAt() == null ? null : snapshot.deletedAt());
        record.setVersion(snapshot.version());
        return record;
    }

    private static Snapshot toDomain(SnapshotsRecord row) {
        return new Snapshot(
                new SnapshotId(row.getId()),
                new DatabaseId(row.getDatabaseId()),
                new TeamSlug(row.getOwnerTeam()),
                new ClusterRef(new ClusterId(row.getClusterId()), new ClusterName(row.getClusterName())),
                row.getDescription(),
                row.getRestoreOf() == null ? null : new SnapshotId(row.getRestoreOf()),
                SnapshotStatus.fromWireName(row.getStatus()),
                row.getSizeBytes(),
                row.getUnavailableMs() == null ? null : Duration.ofMillis(row.getUnavailableMs()),
                row.getOperationId(),
                row.getFailureReason(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getDeletedAt() == null ? null : row.getDeletedAt(),
                row.getVersion());
    }
}
