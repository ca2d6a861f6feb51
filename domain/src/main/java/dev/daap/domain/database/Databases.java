package dev.daap.domain.database;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The store of databases (a secondary port). Calls join the transaction open on the calling thread. */
public interface Databases {

    /**
     * Stores a new database; throws {@code NameTakenException} if a live one of its team has its name, and
     * {@code TeamNotFoundException} if no team has its owner's slug.
     */
    void add(Database database);

    /** The live database with this id. */
    Optional<Database> find(DatabaseId id);

    /** The database with this id, deleted or not: what its operations belong to after it is gone. */
    Optional<Database> findIncludingDeleted(DatabaseId id);

    /**
     * Replaces the stored database with {@code changed}, provided the stored version is still
     * {@code expectedVersion}; throws {@code ConcurrentChangeException} otherwise (also when, restored, it would
     * take a name on its cluster that a live database has), and {@code NameTakenException} if it moved to a team
     * that has a live database of its name, or came back (restored) under a name its team has given meanwhile.
     */
    void update(Database changed, long expectedVersion);

    /**
     * Sets the live database's quota state beside its version (which stays as it is, as {@link #update} leaves the
     * stored quota state as it is): DAAP's to settle, never an owner's change.
     */
    void changeQuotaState(DatabaseId id, QuotaState state);

    /** One page of the databases matching the query (live ones, or as its {@link DatabaseQuery#scope} says), in its sort order. */
    Page<Database> list(DatabaseQuery query);

    /**
     * Every database matching the query's filters (and its scope: live, removed or both), in its sort order, handed to {@code action} one at a time
     * as it is read, so that memory does not grow with their number; the query's page size and position do not
     * apply. This default walks the keyset pages of {@link #list}; a store may read them in one go instead (inside
     * the caller's transaction).
     */
    default void forEach(DatabaseQuery query, Consumer<Database> action) {
        DatabaseQuery page = query.withPageSize(DatabaseQuery.MAX_PAGE_SIZE);
        while (true) {
            Page<Database> rows = list(page);
            rows.items().forEach(action);
            if (rows.next().isEmpty()) {
                return;
            }
            page = page.startingAfter(DatabaseCursor.fromToken(rows.next().get(), page.sort(), page.filters()));
        }
    }

    /**
     * Up to {@code limit} deleted databases whose window to be restored closed before {@code now}, oldest first,
     * each locked until the calling transaction ends; rows another transaction holds are skipped, so sweepers on
     * several instances never take the same one.
     */
    List<Database> dueForPurge(Instant now, int limit);

    /** Whether a live database on {@code cluster} has {@code name} there (as its database and role). */
    boolean nameOnClusterTaken(ClusterId cluster, NameOnCluster name);

    /**
     * Places every database that has no cluster yet (stored before there were clusters) on {@code cluster}, under
     * the names they already have there; returns how many there were.
     */
    int assignUnplaced(ClusterRef cluster);

    /**
     * Where clients connect to {@code cluster} has changed: the connection details of its live provisioned databases
     * now name {@code endpoint}, each with its next version.
     */
    void changeEndpoint(ClusterId cluster, ClientEndpoint.Resolved endpoint);
}
