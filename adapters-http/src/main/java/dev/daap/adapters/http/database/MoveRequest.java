package dev.daap.adapters.http.database;

import dev.daap.application.database.MoveDatabaseCommand;

/**
 * The optional body of {@code POST /v1/databases/{id}/move}: where it should go, a {@code placement} (region and
 * labels) or (platform admins) the {@code cluster} itself; without either, any other cluster that fits.
 */
public record MoveRequest(DatabaseRequest.PlacementRequest placement, String cluster) {
    public static final MoveRequest EMPTY = new MoveRequest(null, null);

    MoveDatabaseCommand toCommand() {
        return MoveDatabaseCommand.of(
                placement == null ? null : placement.region(), placement == null ? null : placement.labels(), cluster);
    }
}
