package dev.daap.adapters.postgres.database;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Labels;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;

/** Maps between the generated record and the domain's {@link Database}; labels travel as a JSONB object. */
final class DatabaseRecordMapper {
    private DatabaseRecordMapper() {
    }

    static Database toDomain(DatabasesRecord record) {
        ConnectionDetails connection = record.getHost() == null ? null : new ConnectionDetails(
                record.getHost(), record.getPort(), record.getDatabaseName(), record.getUsername());
        return new Database(
                new DatabaseId(record.getId()),
                new DatabaseName(record.getName()),
                new TeamSlug(record.getOwnerTeam()),
                new Purpose(record.getPurpose()),
                DatabaseStatus.fromWireName(record.getStatus()),
                connection,
                new Labels(JsonColumns.stringMap(record.getLabels(), "labels")),
                record.getCreatedAt(),
                record.getUpdatedAt(),
                record.getDeletedAt(),
                record.getVersion(),
                record.getLatestOperationId(),
                record.getFailureReason());
    }

    /** Copies every column of {@code database} into {@code record} (used for insert and update alike). */
    static DatabasesRecord fill(DatabasesRecord record, Database database) {
        ConnectionDetails connection = database.connection();
        return record
                .setId(database.id().value())
                .setName(database.name().value())
                .setOwnerTeam(database.ownerTeam().value())
                .setPurpose(database.purpose().value())
                .setStatus(database.status().wireName())
                .setHost(connection == null ? null : connection.host())
                .setPort(connection == null ? null : connection.port())
                .setDatabaseName(connection == null ? null : connection.database())
                .setUsername(connection == null ? null : connection.username())
                .setLabels(JsonColumns.toJsonb(database.labels().values()))
                .setCreatedAt(database.createdAt())
                .setUpdatedAt(database.updatedAt())
                .setDeletedAt(database.deletedAt())
                .setVersion(database.version())
                .setLatestOperationId(database.latestOperationId())
                .setFailureReason(database.failureReason());
    }
}
