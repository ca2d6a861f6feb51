package dev.daap.domain.cluster;

import java.util.List;
import java.util.Optional;

/**
 * The store of clusters (a secondary port). Calls join the transaction open on the calling thread. Settings are
 * written against a version; health and fill are measurements, written as they happen without one.
 */
public interface Clusters {

    /** Stores a new cluster; throws {@code ClusterTakenException} if a live one has its name. */
    void add(Cluster cluster);

    /** The live cluster with this id. */
    Optional<Cluster> find(ClusterId id);

    /** The live cluster with this name. */
    Optional<Cluster> findByName(ClusterName name);

    /**
     * The live cluster with this name, its row locked until the transaction ends: no database is placed on it
     * meanwhile (see {@link #takePlace}), so what the caller reads of its fill stays true until then.
     */
    Optional<Cluster> lockByName(ClusterName name);

    /** Every live cluster, by name. A fleet is a handful to a few hundred clusters: placement reads them all. */
    List<Cluster> list();

    /**
     * Replaces the stored settings (and {@code deletedAt}) with {@code changed}'s, provided the stored version is
     * still {@code expectedVersion}; throws {@code ConcurrentChangeException} otherwise. Health and fill are left as
     * they are stored.
     */
    void update(Cluster changed, long expectedVersion);

    /**
     * Takes a place for a new database on the best cluster for {@code request}, as {@link Placement} ranks them
     * (live, active, up, in its region, with every label, with room; least full, then fewest databases, then by
     * name), in one step: one more database counted there, and the cluster returned. Empty, and nothing changed,
     * when no cluster fits; {@link Placement#decide} on {@link #list} then says why. The chosen cluster's row stays
     * locked until the transaction ends, so creates that race for its last places take turns and never overshoot its
     * limit; one that finds it full once its turn comes gets nothing, and may ask again.
     */
    Optional<ClusterRef> takePlace(PlacementRequest request);

    /** A database left the cluster (dropped from it): one database fewer counted. */
    void releasePlace(ClusterId id);

    /**
     * A copy of a database (a snapshot) was made on the cluster or dropped from it: its size is added to (or, when
     * negative, taken from) the cluster's storage, never below zero, until the next measurement replaces it.
     */
    void changeStorage(ClusterId id, long deltaBytes);

    /** Sets the cluster's count of databases to the live databases placed on it (after assigning old ones). */
    void recountDatabases(ClusterId id);

    /** Stores what a health check saw, without the version. */
    void recordHealth(ClusterId id, ClusterHealth health);

    /** True once any cluster was stored, deleted ones included. */
    boolean anyRegistered();

    /**
     * Holds the fleet's registration lock until the transaction ends, so instances that start together register
     * the default cluster once.
     */
    void lockRegistration();
}
