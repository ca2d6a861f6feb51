package dev.daap.adapters.postgres.backup;

import static dev.daap.adapters.postgres.generated.Tables.BACKUPS;
import static dev.daap.adapters.postgres.generated.Tables.BACKUP_RESTORES;

import dev.daap.adapters.postgres.AdvisoryLocks;
import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.BackupsRecord;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupQuery;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.backup.Verification;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.team.TeamSlug;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** The {@link Backups} port on PostgreSQL: rows read by id, by job, or the live ones of one database. */
public final class JooqBackups implements Backups {
    /** The first key of the advisory locks of backup counts; other locks of DAAP's use other keys. */
    private static final int BACKUP_LOCKS = 0x5_0bac;

    private final JooqSession session;

    public JooqBackups(JooqSession session) {
        this.session = session;
    }

    @Override
    public void add(Backup backup) {
        session.dsl().insertInto(BACKUPS).set(fill(backup)).execute();
    }

    @Override
    public Optional<Backup> find(BackupId id) {
        return session.dsl()
                .selectFrom(BACKUPS)
                .where(BACKUPS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqBackups::toDomain);
    }

    @Override
    public Optional<Backup> findByOperation(UUID operationId) {
        return session.dsl()
                .selectFrom(BACKUPS)
                .where(BACKUPS.OPERATION_ID.eq(operationId))
                .fetchOptional()
                .map(JooqBackups::toDomain);
    }

    @Override
    public List<Backup> liveOf(DatabaseId database) {
        return session.dsl()
                .selectFrom(BACKUPS)
                .where(BACKUPS.DATABASE_ID.eq(database.value()))
                .and(BACKUPS.DELETED_AT.isNull())
                .orderBy(BACKUPS.CREATED_AT.desc(), BACKUPS.ID.desc())
                .fetch(JooqBackups::toDomain);
    }

    @Override
    public Page<Backup> page(BackupQuery query) {
        return Page.fromLookahead(
                select(session.dsl(), query).fetch(JooqBackups::toDomain), query.pageSize(), BackupQuery::tokenAfter);
    }

    /**
     * The page and one row more (the lookahead), served by backups_live_database_idx: (database_id, created_at DESC,
     * id DESC) of the live rows, the position part of its condition.
     */
    static Select<BackupsRecord> select(DSLContext dsl, BackupQuery query) {
        var after = query.after()
                .map(position -> DSL.row(BACKUPS.CREATED_AT, BACKUPS.ID)
                        .lt(position.createdAt(), position.id().value()))
                .orElse(DSL.noCondition());
        return dsl.selectFrom(BACKUPS)
                .where(BACKUPS.DATABASE_ID.eq(query.database().value()))
                .and(BACKUPS.DELETED_AT.isNull())
                .and(after)
                .orderBy(BACKUPS.CREATED_AT.desc(), BACKUPS.ID.desc())
                .limit(query.pageSize() + 1);
    }

    /** A transaction-scoped advisory lock keyed by the database id, in a key space of its own (two int keys). */
    @Override
    public void lockBackupsOf(DatabaseId database) {
        AdvisoryLocks.lockUntilCommit(session.dsl(), BACKUP_LOCKS, database.toString());
    }

    @Override
    public List<Backup> lockSampleForDrills(int limit) {
        var rank = DSL.rowNumber()
                .over(DSL.partitionBy(BACKUPS.DATABASE_ID).orderBy(BACKUPS.CREATED_AT.desc(), BACKUPS.ID.desc()))
                .as("rank");
        var newest = DSL.select(BACKUPS.ID, rank)
                .from(BACKUPS)
                .where(BACKUPS.STATUS.eq(BackupStatus.READY.wireName()))
                .and(BACKUPS.DELETED_AT.isNull())
                .asTable("newest");
        var ids = DSL.select(newest.field(BACKUPS.ID))
                .from(newest)
                .where(newest.field(rank).eq(1));
        return session.dsl()
                .selectFrom(BACKUPS)
                .where(BACKUPS.ID.in(ids))
                .and(BACKUPS.VERIFICATION_STATUS.isNull().or(BACKUPS.VERIFICATION_STATUS.ne("pending")))
                .orderBy(BACKUPS.VERIFICATION_CHECKED_AT.asc().nullsFirst(), BACKUPS.CREATED_AT.desc())
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(JooqBackups::toDomain);
    }

    @Override
    public void update(Backup changed, long expectedVersion) {
        BackupsRecord values = fill(changed);
        values.changed(BACKUPS.ID, false);
        values.changed(BACKUPS.CREATED_AT, false);
        int updated = session.dsl()
                .update(BACKUPS)
                .set(values)
                .where(BACKUPS.ID.eq(changed.id().value()))
                .and(BACKUPS.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            throw new ConcurrentChangeException("backup", changed.id().toString());
        }
    }

    @Override
    public void recordRestoreSource(DatabaseId target, BackupId backup) {
        session.dsl()
                .insertInto(BACKUP_RESTORES)
                .set(BACKUP_RESTORES.DATABASE_ID, target.value())
                .set(BACKUP_RESTORES.BACKUP_ID, backup.value())
                .execute();
    }

    @Override
    public Optional<BackupId> restoreSourceOf(DatabaseId target) {
        return session.dsl()
                .select(BACKUP_RESTORES.BACKUP_ID)
                .from(BACKUP_RESTORES)
                .where(BACKUP_RESTORES.DATABASE_ID.eq(target.value()))
                .fetchOptional(row -> new BackupId(row.value1()));
    }

    private static BackupsRecord fill(Backup backup) {
        var record = new BackupsRecord();
        record.setId(backup.id().value());
        record.setDatabaseId(backup.databaseId().value());
        record.setOwnerTeam(backup.ownerTeam().value());
        record.setClusterId(backup.cluster().id().value());
        record.setClusterName(backup.cluster().name().value());
        record.setStatus(backup.status().wireName());
        record.setServerVersion(backup.serverVersion());
        record.setSizeBytes(backup.sizeBytes());
        record.setSha256(backup.sha256());
        record.setTables(TableCounts.toJson(backup.tables()));
        record.setOperationId(backup.operationId());
        record.setFailureReason(backup.failureReason());
        record.setCreatedAt(backup.createdAt());
        record.setFinishedAt(backup.finishedAt());
        record.setUpdatedAt(backup.updatedAt());
        record.setDeletedAt(backup.deletedAt());
        record.setVerifiedAt(backup.verifiedAt());
        Verification verification = backup.verification();
        record.setVerificationStatus(
                verification == null ? null : verification.status().wireName());
        record.setVerificationCheckedAt(verification == null ? null : verification.checkedAt());
        record.setVerificationDetail(verification == null ? null : verification.detail());
        record.setVersion(backup.version());
        return record;
    }

    static Backup toDomain(BackupsRecord row) {
        return new Backup(
                new BackupId(row.getId()),
                new DatabaseId(row.getDatabaseId()),
                new TeamSlug(row.getOwnerTeam()),
                new ClusterRef(new ClusterId(row.getClusterId()), new ClusterName(row.getClusterName())),
                BackupStatus.fromWireName(row.getStatus()),
                row.getServerVersion(),
                row.getSizeBytes(),
                row.getSha256(),
                TableCounts.fromJson(row.getTables()),
                row.getOperationId(),
                row.getFailureReason(),
                row.getCreatedAt(),
                row.getFinishedAt(),
                row.getUpdatedAt(),
                row.getDeletedAt(),
                row.getVerifiedAt(),
                row.getVerificationStatus() == null
                        ? null
                        : new Verification(
                                Verification.Status.fromWireName(row.getVerificationStatus()),
                                row.getVerificationCheckedAt(),
                                row.getVerificationDetail()),
                row.getVersion());
    }
}
