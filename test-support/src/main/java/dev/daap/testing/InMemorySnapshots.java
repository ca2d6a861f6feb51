package dev.daap.testing;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.Snapshots;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link Snapshots} port in memory, keeping the rules of {@link SnapshotsContract}. Thread-safe. */
public final class InMemorySnapshots implements Snapshots {
    private final Map<SnapshotId, Snapshot> rows = new ConcurrentHashMap<>();
    private final Map<DatabaseId, CloneSource> sources = new ConcurrentHashMap<>();

    @Override
    public void add(Snapshot snapshot) {
        if (rows.putIfAbsent(snapshot.id(), snapshot) != null) {
            throw new IllegalStateException("duplicate primary key " + snapshot.id());
        }
    }

    @Override
    public Optional<Snapshot> find(SnapshotId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Snapshot> findByOperation(UUID operationId) {
        return rows.values().stream()
                .filter(snapshot -> snapshot.operationId().equals(operationId))
                .findFirst();
    }

    /** The fakes have no transactions; the use cases' tests on them run one request at a time. */
    @Override
    public void lockSnapshotsOf(DatabaseId database) {}

    @Override
    public List<Snapshot> liveOf(DatabaseId database) {
        return rows.values().stream()
                .filter(snapshot -> snapshot.isLive() && snapshot.databaseId().equals(database))
                .sorted(Comparator.comparing(Snapshot::createdAt)
                        .thenComparing(snapshot -> snapshot.id().value(), UuidOrder.UNSIGNED)
                        .reversed())
                .toList();
    }

    @Override
    public void update(Snapshot changed, long expectedVersion) {
        Snapshot replaced = rows.computeIfPresent(
                changed.id(), (id, stored) -> stored.version() == expectedVersion ? changed : stored);
        if (replaced != changed) {
            throw new ConcurrentChangeException("snapshot", changed.id().toString());
        }
    }

    @Override
    public void recordCloneSource(DatabaseId clone, CloneSource source) {
        if (sources.putIfAbsent(clone, source) != null) {
            throw new IllegalStateException("duplicate primary key " + clone);
        }
    }

    @Override
    public Optional<CloneSource> cloneSourceOf(DatabaseId clone) {
        return Optional.ofNullable(sources.get(clone));
    }

    @Override
    public List<DatabaseId> clonesOf(DatabaseId source) {
        return sources.entrySet().stream()
                .filter(entry -> entry.getValue().database().equals(source))
                .map(Map.Entry::getKey)
                .toList();
    }
}
