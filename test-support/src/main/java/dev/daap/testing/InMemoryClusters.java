package dev.daap.testing;

import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterFill;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.Placement;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.database.Database;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.error.ConcurrentChangeException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake of the {@link Clusters} port with the rules of the PostgreSQL store, pinned down by {@link ClustersContract}:
 * names unique among live clusters, optimistic versions on the settings, health and fill written without them,
 * places taken on the best cluster that fits, as Placement ranks them. It has no transactions and no row locks:
 * every call is atomic on its own. Thread-safe.
 */
public final class InMemoryClusters implements Clusters {
    private final Map<ClusterId, Cluster> rows = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads
    private final Supplier<List<Database>> databases;

    /** @param databases every database stored, for {@link #recountDatabases} */
    public InMemoryClusters(Supplier<List<Database>> databases) {
        this.databases = databases;
    }

    /** Without databases to recount from. */
    public InMemoryClusters() {
        this(List::of);
    }

    @Override
    public void add(Cluster cluster) {
        locked(() -> {
            if (rows.containsKey(cluster.id())) {
                throw new IllegalStateException("duplicate primary key " + cluster.id());
            }
            if (cluster.isLive() && live(cluster.name()).isPresent()) {
                throw new ClusterTakenException(cluster.name().value());
            }
            rows.put(cluster.id(), cluster);
            return null;
        });
    }

    @Override
    public Optional<Cluster> find(ClusterId id) {
        return locked(() -> Optional.ofNullable(rows.get(id)).filter(Cluster::isLive));
    }

    @Override
    public Optional<Cluster> findByName(ClusterName name) {
        return locked(() -> live(name));
    }

    @Override
    public Optional<Cluster> lockByName(ClusterName name) {
        return findByName(name);
    }

    @Override
    public List<Cluster> list() {
        return locked(() -> rows.values().stream()
                .filter(Cluster::isLive)
                .sorted(Comparator.comparing(cluster -> cluster.name().value()))
                .toList());
    }

    @Override
    public void update(Cluster changed, long expectedVersion) {
        locked(() -> {
            Cluster stored = rows.get(changed.id());
            if (stored == null || !stored.isLive() || stored.version() != expectedVersion) {
                throw new ConcurrentChangeException("cluster", changed.name().value());
            }
            rows.put(changed.id(), measured(changed, stored.health(), stored.fill()));
            return null;
        });
    }

    /** The first of {@link Placement#decide}'s fitting clusters, as the store ranks them in SQL. */
    @Override
    public Optional<ClusterRef> takePlace(PlacementRequest request) {
        return locked(() -> {
            List<Cluster> live = rows.values().stream().filter(Cluster::isLive).toList();
            List<Cluster> fitting = Placement.decide(live, request).fitting();
            if (fitting.isEmpty()) {
                return Optional.empty();
            }
            Cluster best = fitting.getFirst();
            rows.put(best.id(), withCount(best, count -> count + 1));
            return Optional.of(best.ref());
        });
    }

    @Override
    public void releasePlace(ClusterId id) {
        locked(() -> {
            Optional.ofNullable(rows.get(id))
                    .ifPresent(stored -> rows.put(id, withCount(stored, count -> Math.max(0, count - 1))));
            return null;
        });
    }

    @Override
    public void changeStorage(ClusterId id, long deltaBytes) {
        locked(() -> {
            Optional.ofNullable(rows.get(id))
                    .ifPresent(stored -> rows.put(
                            id,
                            measured(
                                    stored,
                                    stored.health(),
                                    new ClusterFill(
                                            stored.fill().databaseCount(),
                                            Math.max(0, stored.fill().storageBytes() + deltaBytes)))));
            return null;
        });
    }

    @Override
    public void recountDatabases(ClusterId id) {
        long live = databases.get().stream()
                .filter(db ->
                        db.isLive() && db.cluster() != null && db.cluster().id().equals(id))
                .count();
        locked(() -> {
            Optional.ofNullable(rows.get(id)).ifPresent(stored -> rows.put(id, withCount(stored, count -> live)));
            return null;
        });
    }

    @Override
    public void recordHealth(ClusterId id, ClusterHealth health) {
        locked(() -> {
            Optional.ofNullable(rows.get(id))
                    .ifPresent(stored -> rows.put(id, measured(stored, health, stored.fill())));
            return null;
        });
    }

    /** Sets what the probe measures of the databases' size, as it will once it exists. */
    public void recordStorage(ClusterId id, long storageBytes) {
        locked(() -> {
            Cluster stored = rows.get(id);
            rows.put(
                    id,
                    measured(
                            stored,
                            stored.health(),
                            new ClusterFill(stored.fill().databaseCount(), storageBytes)));
            return null;
        });
    }

    @Override
    public boolean anyRegistered() {
        return locked(() -> !rows.isEmpty());
    }

    @Override
    public void lockRegistration() {
        // Every call of the fake is atomic; the use case re-checks after taking the lock.
    }

    private Optional<Cluster> live(ClusterName name) {
        return rows.values().stream()
                .filter(cluster -> cluster.isLive() && cluster.name().equals(name))
                .findFirst();
    }

    private static Cluster withCount(Cluster stored, Function<Long, Long> count) {
        return measured(
                stored,
                stored.health(),
                new ClusterFill(
                        count.apply(stored.fill().databaseCount()),
                        stored.fill().storageBytes()));
    }

    private static Cluster measured(Cluster settings, ClusterHealth health, ClusterFill fill) {
        return new Cluster(
                settings.id(),
                settings.name(),
                settings.region(),
                settings.labels(),
                settings.state(),
                settings.limits(),
                settings.endpoint(),
                settings.adminAddress(),
                health,
                fill,
                settings.createdAt(),
                settings.updatedAt(),
                settings.deletedAt(),
                settings.version());
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
