package dev.daap.adapters.http.database;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.BackupPolicy;
import java.util.Map;

/**
 * The body of {@code POST /v1/databases}. Absent fields arrive as null; the command says which are required.
 *
 * @param placement where it may go: a region and labels its cluster must have
 * @param cluster   the cluster itself, instead of a placement (platform admins only)
 * @param source    for a clone: the database, and optionally its snapshot, to copy; for a restore: the backup
 * @param deletionProtection refuse deletion while true (default false)
 * @param plan      its plan (default: the catalog's default)
 * @param backupPolicy its scheduled backups: absent (Java null) for the platform's default, JSON null for none
 */
public record DatabaseRequest(
        String name,
        String ownerTeam,
        String purpose,
        Map<String, String> labels,
        PlacementRequest placement,
        String cluster,
        SourceRequest source,
        Boolean deletionProtection,
        String plan,
        JsonNode backupPolicy) {

    public record PlacementRequest(String region, Map<String, String> labels) {}

    public record SourceRequest(String databaseId, String snapshotId, String backupId) {}

    public CreateDatabaseCommand toCommand() {
        CreateDatabaseCommand command = CreateDatabaseCommand.of(
                        name,
                        ownerTeam,
                        purpose,
                        labels,
                        new CreateDatabaseCommand.Placement(
                                placement == null ? null : placement.region(),
                                placement == null ? null : placement.labels(),
                                cluster),
                        source == null
                                ? null
                                : new CreateDatabaseCommand.Source(
                                        source.databaseId(), source.snapshotId(), source.backupId()))
                .withDeletionProtection(deletionProtection)
                .withPlan(plan);
        if (backupPolicy == null) {
            return command;
        }
        var validation = new Validation();
        BackupPolicy policy = BackupPolicyField.parse(backupPolicy, validation);
        validation.throwIfInvalid();
        return command.withBackupPolicy(policy);
    }
}
