package dev.daap.testing;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.Teams;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A fake of the {@link Databases} port that keeps rows in memory and honours the same rules as the PostgreSQL
 * store, pinned down by {@link DatabasesContract}: names unique among a team's live rows, names on a cluster unique
 * among its live rows, owners among the given teams,
 * optimistic versions, live rows only in lookups, keyset pages on (sort key, id). Thread-safe; it has no
 * transactions of its own.
 */
public final class InMemoryDatabases implements Databases {
    /** PostgreSQL orders uuid values byte by byte, unsigned; {@link UUID#compareTo} compares signed longs. */
    static final Comparator<DatabaseId> ID_ORDER = Comparator.comparing(
                    (DatabaseId id) -> id.value().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(id -> id.value().getLeastSignificantBits(), Long::compareUnsigned);

    private final Map<DatabaseId, Database> rows = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads
    private final Teams teams;

    /** {@code teams}: the teams a database may belong to, as PostgreSQL's foreign key checks them. */
    public InMemoryDatabases(Teams teams) {
        this.teams = teams;
    }

    @Override
    public void add(Database database) {
        lock.lock();
        try {
            if (rows.containsKey(database.id())) {
                throw new IllegalStateException("duplicate primary key " + database.id());
            }
            if (database.isLive() && rows.values().stream().anyMatch(sameLiveName(database))) {
                throw new NameTakenException(
                        database.ownerTeam().value(), database.name().value());
            }
            if (database.isLive()
                    && database.cluster() != null
                    && nameOnClusterTaken(database.cluster().id(), database.nameOnCluster())) {
                throw new ConcurrentChangeException("database", database.id().toString());
            }
            if (teams.find(database.ownerTeam()).isEmpty()) {
                throw new TeamNotFoundException(database.ownerTeam().value());
            }
            rows.put(database.id(), database);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Database> find(DatabaseId id) {
        lock.lock();
        try {
            return Optional.ofNullable(rows.get(id)).filter(Database::isLive);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Database> findIncludingDeleted(DatabaseId id) {
        lock.lock();
        try {
            return Optional.ofNullable(rows.get(id));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void update(Database changed, long expectedVersion) {
        lock.lock();
        try {
            Database stored = rows.get(changed.id());
            if (stored == null || stored.version() != expectedVersion) {
                throw new ConcurrentChangeException(changed.id().toString());
            }
            if (changed.isLive()
                    && rows.values().stream()
                            .anyMatch(sameLiveName(changed)
                                    .and(other -> !other.id().equals(changed.id())))) {
                throw new NameTakenException(
                        changed.ownerTeam().value(), changed.name().value());
            }
            if (changed.isLive()
                    && changed.cluster() != null
                    && rows.values().stream()
                            .anyMatch(other -> other.isLive()
                                    && !other.id().equals(changed.id())
                                    && changed.cluster().equals(other.cluster())
                                    && other.nameOnCluster().equals(changed.nameOnCluster()))) {
                throw new ConcurrentChangeException("database", changed.id().toString());
            }
            // The measured size and the quota state are DAAP's to write, never a change's.
            rows.put(changed.id(), withStorage(changed, stored.storageBytes()).withQuotaState(stored.quotaState()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void changeQuotaState(DatabaseId id, QuotaState state) {
        lock.lock();
        try {
            rows.computeIfPresent(id, (key, row) -> row.isLive() ? row.withQuotaState(state) : row);
        } finally {
            lock.unlock();
        }
    }

    /** What the fleet's probe does: records the database's measured size (no new version). */
    public void recordStorage(DatabaseId id, long bytes) {
        lock.lock();
        try {
            rows.computeIfPresent(id, (key, row) -> withStorage(row, bytes));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Page<Database> list(DatabaseQuery query) {
        List<Database> matching;
        lock.lock();
        try {
            matching = rows.values().stream()
                    .filter(matches(query))
                    .sorted(order(query))
                    .limit(query.pageSize() + 1L)
                    .toList();
        } finally {
            lock.unlock();
        }
        return Page.fromLookahead(
                matching, query.pageSize(), last -> cursorAfter(last, query).toToken());
    }

    private static DatabaseCursor cursorAfter(Database last, DatabaseQuery query) {
        return query.sort().byRank()
                ? DatabaseCursor.afterRank(rank(last, query), last.id(), query)
                : DatabaseCursor.after(last, query);
    }

    private static float rank(Database row, DatabaseQuery query) {
        return query.search().map(search -> new TextSearch(search).rank(row)).orElse(0f);
    }

    @Override
    public List<Database> dueForPurge(Instant now, int limit) {
        lock.lock();
        try {
            return rows.values().stream()
                    .filter(row -> row.status() == DatabaseStatus.DELETED
                            && row.restorableUntil().isBefore(now))
                    .sorted(Comparator.comparing(Database::restorableUntil))
                    .limit(limit)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean nameOnClusterTaken(ClusterId cluster, NameOnCluster name) {
        lock.lock();
        try {
            return rows.values().stream()
                    .anyMatch(row -> row.isLive()
                            && row.cluster() != null
                            && row.cluster().id().equals(cluster)
                            && row.nameOnCluster().equals(name));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int assignUnplaced(ClusterRef cluster) {
        lock.lock();
        try {
            List<Database> unplaced =
                    rows.values().stream().filter(row -> row.cluster() == null).toList();
            unplaced.forEach(row -> rows.put(row.id(), placed(row, cluster)));
            return unplaced.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void changeEndpoint(ClusterId cluster, ClientEndpoint.Resolved endpoint) {
        lock.lock();
        try {
            List<Database> provisioned = rows.values().stream()
                    .filter(row -> row.isLive()
                            && row.connection() != null
                            && row.cluster() != null
                            && row.cluster().id().equals(cluster))
                    .toList();
            provisioned.forEach(row -> rows.put(row.id(), reconnected(row, endpoint)));
        } finally {
            lock.unlock();
        }
    }

    /** Every row, deleted ones too, as they are now. */
    public List<Database> rows() {
        lock.lock();
        try {
            return List.copyOf(rows.values());
        } finally {
            lock.unlock();
        }
    }

    private static Database reconnected(Database row, ClientEndpoint.Resolved endpoint) {
        var old = row.connection();
        return new Database(
                row.id(),
                row.name(),
                row.ownerTeam(),
                row.purpose(),
                row.status(),
                new ConnectionDetails(
                        endpoint.host(), endpoint.port(), old.database(), old.username(), endpoint.sslmode()),
                row.labels(),
                row.createdAt(),
                row.updatedAt(),
                row.deletedAt(),
                row.version() + 1,
                row.latestOperationId(),
                row.failureReason(),
                row.cluster(),
                row.nameOnCluster(),
                row.storageBytes(),
                row.deletionProtection(),
                row.restorableUntil(),
                row.plan(),
                row.backupPolicy(),
                row.quotaState());
    }

    /** As the store does it: placed under the name it has, the version moved on. */
    private static Database placed(Database row, ClusterRef cluster) {
        return new Database(
                row.id(),
                row.name(),
                row.ownerTeam(),
                row.purpose(),
                row.status(),
                row.connection(),
                row.labels(),
                row.createdAt(),
                row.updatedAt(),
                row.deletedAt(),
                row.version() + 1,
                row.latestOperationId(),
                row.failureReason(),
                cluster,
                row.nameOnCluster(),
                row.storageBytes(),
                row.deletionProtection(),
                row.restorableUntil(),
                row.plan(),
                row.backupPolicy(),
                row.quotaState());
    }

    private static Database withStorage(Database row, Long storageBytes) {
        return new Database(
                row.id(),
                row.name(),
                row.ownerTeam(),
                row.purpose(),
                row.status(),
                row.connection(),
                row.labels(),
                row.createdAt(),
                row.updatedAt(),
                row.deletedAt(),
                row.version(),
                row.latestOperationId(),
                row.failureReason(),
                row.cluster(),
                row.nameOnCluster(),
                storageBytes,
                row.deletionProtection(),
                row.restorableUntil(),
                row.plan(),
                row.backupPolicy(),
                row.quotaState());
    }

    /** Names are unique within a team among live rows. */
    private static Predicate<Database> sameLiveName(Database database) {
        return other -> other.isLive()
                && other.name().equals(database.name())
                && other.ownerTeam().equals(database.ownerTeam());
    }

    private static Predicate<Database> matches(DatabaseQuery query) {
        Predicate<Database> inScope = switch (query.scope()) {
            case LIVE -> Database::isLive;
            case REMOVED -> row -> !row.isLive();
            case ALL -> row -> true;
        };
        return inScope.and(row -> query.ownerTeam()
                        .map(team -> team.equals(row.ownerTeam()))
                        .orElse(true))
                .and(row -> query.status().map(status -> status == row.status()).orElse(true))
                .and(row -> query.text().map(text -> containsText(row, text)).orElse(true))
                .and(row -> query.name().map(name -> name.equals(row.name())).orElse(true))
                .and(row -> query.cluster()
                        .map(cluster -> row.cluster() != null
                                && cluster.equals(row.cluster().name()))
                        .orElse(true))
                .and(row -> query.labels().stream().allMatch(selector -> selector.matches(row.labels())))
                .and(row -> query.search().isEmpty() || rank(row, query) > 0)
                .and(row ->
                        query.after().map(cursor -> isAfter(row, cursor, query)).orElse(true));
    }

    /** Case-insensitive substring of name or purpose, like {@code ILIKE '%text%'}. */
    private static boolean containsText(Database row, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return row.name().value().toLowerCase(Locale.ROOT).contains(needle)
                || row.purpose().value().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static boolean isAfter(Database row, DatabaseCursor cursor, DatabaseQuery query) {
        if (cursor.sort().byRank()) {
            int byRank = Float.compare(rank(row, query), cursor.rankKey());
            return byRank < 0 || (byRank == 0 && ID_ORDER.compare(row.id(), cursor.id()) > 0);
        }
        int byKey = cursor.sort().byName()
                ? row.name().value().compareTo(cursor.key())
                : row.createdAt().compareTo(cursor.createdAtKey());
        int ascending = byKey != 0 ? byKey : ID_ORDER.compare(row.id(), cursor.id());
        return cursor.sort().descending() ? ascending < 0 : ascending > 0;
    }

    /** The keyset order: the sort key, then the id, both in the sort's direction. */
    private static Comparator<Database> order(DatabaseQuery query) {
        DatabaseSort sort = query.sort();
        if (sort.byRank()) {
            Comparator<Database> byRank = Comparator.comparing((Database row) -> rank(row, query));
            return byRank.reversed().thenComparing(Database::id, ID_ORDER);
        }
        Comparator<Database> byKey = sort.byName()
                ? Comparator.comparing((Database row) -> row.name().value())
                : Comparator.comparing(Database::createdAt);
        Comparator<Database> ascending = byKey.thenComparing(Database::id, ID_ORDER);
        return sort.descending() ? ascending.reversed() : ascending;
    }
}
