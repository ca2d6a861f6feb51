package dev.daap.adapters.http;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wraps the in-memory store so a test can make every call fail (an outage, a bug) or run something just before a
 * lookup, an insert or an update (a concurrent change, a slow store).
 */
final class ScriptedDatabases implements Databases {
    private final Databases store;
    private volatile Supplier<? extends Throwable> failure;
    private volatile Consumer<DatabaseId> beforeFind = id -> {};
    private volatile Consumer<Database> beforeAdd = database -> {};
    private volatile Consumer<Database> beforeUpdate = database -> {};

    ScriptedDatabases(Databases store) {
        this.store = store;
    }

    /** Every call throws what {@code failure} makes: a RuntimeException or an Error. */
    void failWith(Supplier<? extends Throwable> failure) {
        this.failure = failure;
    }

    void beforeFind(Consumer<DatabaseId> hook) {
        this.beforeFind = hook;
    }

    /** Runs {@code hook} just before a database is stored, e.g. to hold a create while another request runs. */
    void beforeAdd(Consumer<Database> hook) {
        this.beforeAdd = hook;
    }

    /** Runs {@code hook} with the changed database just before it is written, e.g. to commit a change first. */
    void beforeUpdate(Consumer<Database> hook) {
        this.beforeUpdate = hook;
    }

    @Override
    public void add(Database database) {
        failIfScripted();
        beforeAdd.accept(database);
        store.add(database);
    }

    @Override
    public Optional<Database> find(DatabaseId id) {
        failIfScripted();
        beforeFind.accept(id);
        return store.find(id);
    }

    @Override
    public Optional<Database> findIncludingDeleted(DatabaseId id) {
        failIfScripted();
        beforeFind.accept(id);
        return store.findIncludingDeleted(id);
    }

    @Override
    public List<Database> dueForPurge(Instant now, int limit) {
        failIfScripted();
        return store.dueForPurge(now, limit);
    }

    @Override
    public void update(Database changed, long expectedVersion) {
        failIfScripted();
        beforeUpdate.accept(changed);
        store.update(changed, expectedVersion);
    }

    @Override
    public boolean nameOnClusterTaken(ClusterId cluster, NameOnCluster name) {
        return store.nameOnClusterTaken(cluster, name);
    }

    @Override
    public void changeQuotaState(dev.daap.domain.database.DatabaseId id, dev.daap.domain.database.QuotaState state) {
        store.changeQuotaState(id, state);
    }

    @Override
    public void changeEndpoint(ClusterId cluster, ClientEndpoint.Resolved endpoint) {
        store.changeEndpoint(cluster, endpoint);
    }

    @Override
    public int assignUnplaced(ClusterRef cluster) {
        return store.assignUnplaced(cluster);
    }

    @Override
    public Page<Database> list(DatabaseQuery query) {
        failIfScripted();
        return store.list(query);
    }

    private void failIfScripted() {
        Supplier<? extends Throwable> scripted = failure;
        if (scripted == null) {
            return;
        }
        Throwable t = scripted.get();
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) t;
    }
}
