package dev.daap.testing;

import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupQuery;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link Backups} port in memory, keeping the rules of {@link BackupsContract}. Thread-safe. */
public final class InMemoryBackups implements Backups {
    private final Map<BackupId, Backup> rows = new ConcurrentHashMap<>();
    private final Map<DatabaseId, BackupId> restores = new ConcurrentHashMap<>();

    @Override
    public void add(Backup backup) {
        if (rows.putIfAbsent(backup.id(), backup) != null) {
            throw new IllegalStateException("duplicate primary key " + backup.id());
        }
    }

    @Override
    public Optional<Backup> find(BackupId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Backup> findByOperation(UUID operationId) {
        return rows.values().stream()
                .filter(backup -> backup.operationId().equals(operationId))
                .findFirst();
    }

    @Override
    public List<Backup> liveOf(DatabaseId database) {
        return rows.values().stream()
                .filter(backup -> backup.isLive() && backup.databaseId().equals(database))
                .sorted(Comparator.comparing(Backup::createdAt)
                        .thenComparing(backup -> backup.id().value(), UuidOrder.UNSIGNED)
                        .reversed())
                .toList();
    }

    @Override
    public Page<Backup> page(BackupQuery query) {
        List<Backup> rows = liveOf(query.database()).stream()
                .filter(backup ->
                        query.after().map(after -> olderThan(backup, after)).orElse(true))
                .limit(query.pageSize() + 1L)
                .toList();
        return Page.fromLookahead(rows, query.pageSize(), BackupQuery::tokenAfter);
    }

    /** Whether {@code backup} comes after {@code position} newest first: as the store's row comparison says. */
    private static boolean olderThan(Backup backup, BackupQuery.Position position) {
        int byTime = backup.createdAt().compareTo(position.createdAt());
        return byTime < 0
                || (byTime == 0
                        && UuidOrder.UNSIGNED.compare(
                                        backup.id().value(), position.id().value())
                                < 0);
    }

    @Override
    public void lockBackupsOf(DatabaseId database) {}

    @Override
    public List<Backup> lockSampleForDrills(int limit) {
        Comparator<Backup> newestFirst = Comparator.comparing(Backup::createdAt)
                .thenComparing(backup -> backup.id().value(), UuidOrder.UNSIGNED)
                .reversed();
        Comparator<Backup> drilledLongestAgo = Comparator.comparing(
                (Backup backup) -> backup.verification() == null
                        ? null
                        : backup.verification().checkedAt(),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return rows.values().stream()
                .filter(backup -> backup.isLive() && backup.status() == BackupStatus.READY)
                .collect(java.util.stream.Collectors.groupingBy(Backup::databaseId))
                .values()
                .stream()
                .map(backups -> backups.stream().sorted(newestFirst).findFirst().orElseThrow())
                .filter(backup -> !backup.isDrilling())
                .sorted(drilledLongestAgo.thenComparing(Backup::createdAt, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    @Override
    public void update(Backup changed, long expectedVersion) {
        Backup replaced = rows.computeIfPresent(
                changed.id(), (id, stored) -> stored.version() == expectedVersion ? changed : stored);
        if (replaced != changed) {
            throw new ConcurrentChangeException("backup", changed.id().toString());
        }
    }

    @Override
    public void recordRestoreSource(DatabaseId target, BackupId backup) {
        if (restores.putIfAbsent(target, backup) != null) {
            throw new IllegalStateException("duplicate primary key " + target);
        }
    }

    @Override
    public Optional<BackupId> restoreSourceOf(DatabaseId target) {
        return Optional.ofNullable(restores.get(target));
    }
}
