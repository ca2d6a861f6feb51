package dev.daap.adapters.postgres.database;

import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Labels;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

import java.util.LinkedHashMap;
import java.util.Map;

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
                new Labels(labelsFrom(record.getLabels())),
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
                .setLabels(JSONB.valueOf(JSONObject.toJSONString(database.labels().values())))
                .setCreatedAt(database.createdAt())
                .setUpdatedAt(database.updatedAt())
                .setDeletedAt(database.deletedAt())
                .setVersion(database.version())
                .setLatestOperationId(database.latestOperationId())
                .setFailureReason(database.failureReason());
    }

    private static Map<String, String> labelsFrom(JSONB json) {
        try {
            Object parsed = new JSONParser().parse(json.data());
            Map<String, String> labels = new LinkedHashMap<>();
            ((Map<?, ?>) parsed).forEach((key, value) -> labels.put((String) key, (String) value));
            return labels;
        } catch (ParseException | ClassCastException e) {
            // The CHECK constraint keeps labels an object; string values are this adapter's own writing.
            throw new IllegalStateException("stored labels are not an object of strings: " + json.data(), e);
        }
    }
}
