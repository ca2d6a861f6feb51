package dev.daap.domain.database;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** One page of live databases matching the query, in its sort order. */
    Page<Database> list(DatabaseQuery query);

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
