package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.Labels;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import org.jooq.Record;

/** Maps between the generated record and the domain's {@link Database}; labels travel as a JSONB object. */
final class DatabaseRecordMapper {
    private DatabaseRecordMapper() {}

    /**
     * Reads a row of {@code databases}: a {@link DatabasesRecord}, or a record fetched with the table's fields from
     * a hot statement, read as it is rather than first copied into a DatabasesRecord (that copy was about a
     * sixteenth of the JVM's CPU samples on a list page, profiled under bench/run on 2026-11-26 before commit
     * 0fa1b86).
     */
    static Database toDomain(Record record) {
        String host = record.get(DATABASES.HOST);
        String sslmode = record.get(DATABASES.SSLMODE);
        ConnectionDetails connection = host == null
                ? null
                : new ConnectionDetails(
                        host,
                        record.get(DATABASES.PORT),
                        record.get(DATABASES.DATABASE_NAME),
                        record.get(DATABASES.USERNAME),
                        sslmode == null ? null : SslMode.fromWireName(sslmode));
        var clusterId = record.get(DATABASES.CLUSTER_ID);
        return new Database(
                new DatabaseId(record.get(DATABASES.ID)),
                new DatabaseName(record.get(DATABASES.NAME)),
                new TeamSlug(record.get(DATABASES.OWNER_TEAM)),
                new Purpose(record.get(DATABASES.PURPOSE)),
                DatabaseStatus.fromWireName(record.get(DATABASES.STATUS)),
                connection,
                new Labels(JsonColumns.stringMap(record.get(DATABASES.LABELS), "labels")),
                record.get(DATABASES.CREATED_AT),
                record.get(DATABASES.UPDATED_AT),
                record.get(DATABASES.DELETED_AT),
                record.get(DATABASES.VERSION),
                record.get(DATABASES.LATEST_OPERATION_ID),
                record.get(DATABASES.FAILURE_REASON),
                clusterId == null
                        ? null
                        : new ClusterRef(new ClusterId(clusterId), new ClusterName(record.get(DATABASES.CLUSTER_NAME))),
                new NameOnCluster(record.get(DATABASES.NAME_ON_CLUSTER)),
                record.get(DATABASES.STORAGE_BYTES),
                record.get(DATABASES.DELETION_PROTECTION),
                record.get(DATABASES.RESTORABLE_UNTIL),
                new PlanName(record.get(DATABASES.PLAN)),
                backupPolicy(record.get(DATABASES.BACKUP_SCHEDULE), record.get(DATABASES.BACKUP_RETAIN)),
                QuotaState.fromWireName(record.get(DATABASES.QUOTA_STATE)));
    }

    private static BackupPolicy backupPolicy(String schedule, Integer retain) {
        return schedule == null ? null : new BackupPolicy(BackupSchedule.fromWireName(schedule), retain);
    }

    /** Copies every column of {@code database} into {@code record} (used for insert and update alike). */
    static DatabasesRecord fill(DatabasesRecord record, Database database) {
        ConnectionDetails connection = database.connection();
        BackupPolicy policy = database.backupPolicy();
        return record.setId(database.id().value())
                .setName(database.name().value())
                .setOwnerTeam(database.ownerTeam().value())
                .setPurpose(database.purpose().value())
                .setStatus(database.status().wireName())
                .setHost(connection == null ? null : connection.host())
                .setPort(connection == null ? null : connection.port())
                .setDatabaseName(connection == null ? null : connection.database())
                .setUsername(connection == null ? null : connection.username())
                .setSslmode(
                        connection == null || connection.sslmode() == null
                                ? null
                                : connection.sslmode().wireName())
                .setLabels(JsonColumns.toJsonb(database.labels().values()))
                .setCreatedAt(database.createdAt())
                .setUpdatedAt(database.updatedAt())
                .setDeletedAt(database.deletedAt())
                .setVersion(database.version())
                .setLatestOperationId(database.latestOperationId())
                .setFailureReason(database.failureReason())
                .setClusterId(
                        database.cluster() == null
                                ? null
                                : database.cluster().id().value())
                .setClusterName(
                        database.cluster() == null
                                ? null
                                : database.cluster().name().value())
                .setNameOnCluster(database.nameOnCluster().value())
                .setStorageBytes(database.storageBytes())
                .setDeletionProtection(database.deletionProtection())
                .setRestorableUntil(database.restorableUntil())
                .setPlan(database.plan().value())
                .setBackupSchedule(policy == null ? null : policy.schedule().wireName())
                .setBackupRetain(policy == null ? null : policy.retain())
                // A new database's first scheduled backup is due at the first slot after its creation; an update
                // moves the due time only when the schedule changes (JooqDatabases.update).
                .setBackupDueAt(policy == null ? null : policy.schedule().nextSlotAfter(database.createdAt()))
                .setQuotaState(database.quotaState().wireName());
    }
}
