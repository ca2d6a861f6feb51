package dev.daap.adapters.http.database;

import dev.daap.application.database.CreateDatabaseCommand;
import java.util.Map;

/**
 * The body of {@code POST /v1/databases}. Absent fields arrive as null; the command says which are required.
 *
 * @param placement where it may go: a region and labels its cluster must have
 * @param cluster   the cluster itself, instead of a placement (platform admins only)
 * @param source    for a clone: the database, and optionally its snapshot, to copy; for a restore: the backup
 * @param deletionProtection refuse deletion while true (default false)
 * @param plan      its plan (default: the catalog's default)
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
        String plan) {

    public record PlacementRequest(String region, Map<String, String> labels) {}

    public record SourceRequest(String databaseId, String snapshotId, String backupId) {}

    public CreateDatabaseCommand toCommand() {
        return CreateDatabaseCommand.of(
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
    }
}
