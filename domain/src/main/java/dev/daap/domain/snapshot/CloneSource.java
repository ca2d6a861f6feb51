package dev.daap.domain.snapshot;

import dev.daap.domain.database.DatabaseId;
import java.util.Objects;
import java.util.Optional;

/** What a clone is copied from: a database as it is, or one of its snapshots. */
public record CloneSource(DatabaseId database, Optional<SnapshotId> snapshot) {
    public CloneSource {
        Objects.requireNonNull(database, "database");
        snapshot = snapshot == null ? Optional.empty() : snapshot;
    }
}
