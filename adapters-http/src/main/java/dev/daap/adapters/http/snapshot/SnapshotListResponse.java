package dev.daap.adapters.http.snapshot;

import dev.daap.domain.snapshot.Snapshot;
import java.util.List;

/**
 * The live snapshots of a database, newest first: at most {@code DAAP_SNAPSHOTS_PER_DATABASE} (and those being
 * deleted), so always one page; {@code next_page_token} is there for the shape every list has, and always null.
 */
public record SnapshotListResponse(List<SnapshotResponse> items, String nextPageToken) {
    public static SnapshotListResponse from(List<Snapshot> snapshots) {
        return new SnapshotListResponse(
                snapshots.stream().map(SnapshotResponse::from).toList(), null);
    }
}
