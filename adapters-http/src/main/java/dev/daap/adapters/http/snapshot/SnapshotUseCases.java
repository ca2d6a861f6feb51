package dev.daap.adapters.http.snapshot;

import dev.daap.application.snapshot.DeleteSnapshot;
import dev.daap.application.snapshot.ListSnapshots;
import dev.daap.application.snapshot.RestoreSnapshot;
import dev.daap.application.snapshot.TakeSnapshot;
import java.util.Objects;

/** The use cases behind {@code /v1/databases/{id}/snapshots}, wired by the bootstrap. */
public record SnapshotUseCases(TakeSnapshot take, ListSnapshots list, DeleteSnapshot delete, RestoreSnapshot restore) {
    public SnapshotUseCases {
        Objects.requireNonNull(take, "take");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(restore, "restore");
    }
}
