package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.ClustersRecord;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.error.ConcurrentChangeException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The {@link Clusters} port on PostgreSQL. A place on a cluster is taken by one conditional {@code UPDATE} of its
 * row, which holds the row lock until the transaction ends: creates that race for the last places queue on that
 * row, and each re-checks the condition once the one before it has committed. The list and the place run in every
 * create, as {@link HotStatement}s: jOOQ's rendering of them was most of placement's CPU (bench/fleet, 2026-12-03).
 */
public final class JooqClusters implements Clusters {
    static final String LIVE_NAME_CONSTRAINT = "clusters_live_name_key";
    /** The advisory lock of {@link #lockRegistration}: "daap" in ASCII, then 2 (1 is the platform keys'). */
    static final long REGISTRATION_LOCK = 0x6461_6170_0000_0002L;

    private final JooqSession session;

    private final HotStatement<Void> live = HotStatement.of((dsl, none, binds) ->
            dsl.selectFrom(CLUSTERS).where(CLUSTERS.DELETED_AT.isNull()).orderBy(CLUSTERS.NAME));

    /** Constants inline: a hot statement's bind values are the caller's, here the cluster's id alone. */
    private final HotStatement<ClusterId> place = HotStatement.of((dsl, id, binds) -> dsl.update(CLUSTERS)
            .set(CLUSTERS.DATABASE_COUNT, CLUSTERS.DATABASE_COUNT.plus(DSL.inline(1)))
            .where(CLUSTERS.ID.eq(binds.value(CLUSTERS.ID, ClusterId::value)))
            .and(CLUSTERS.DELETED_AT.isNull())
            .and(CLUSTERS.STATE.eq(DSL.inline(ClusterState.ACTIVE.wireName())))
            .and(CLUSTERS.HEALTH_STATUS.eq(DSL.inline(HealthStatus.UP.wireName())))
            .and(CLUSTERS.MAX_DATABASES.isNull().or(CLUSTERS.DATABASE_COUNT.lt(CLUSTERS.MAX_DATABASES)))
            .and(CLUSTERS.MAX_STORAGE_BYTES.isNull().or(CLUSTERS.STORAGE_BYTES.lt(CLUSTERS.MAX_STORAGE_BYTES))));

    public JooqClusters(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void add(Cluster cluster) {
        try {
            session.dsl()
                    .insertInto(CLUSTERS)
                    .set(ClusterRecordMapper.forInsert(cluster))
                    .execute();
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new ClusterTakenException(cluster.name().value());
            }
            throw e;
        }
    }

    @Override
    public Optional<Cluster> find(ClusterId id) {
        return one(CLUSTERS.ID.eq(id.value()), false);
    }

    @Override
    public Optional<Cluster> findByName(ClusterName name) {
        return one(CLUSTERS.NAME.eq(name.value()), false);
    }

    @Override
    public Optional<Cluster> lockByName(ClusterName name) {
        return one(CLUSTERS.NAME.eq(name.value()), true);
    }

    private Optional<Cluster> one(Condition condition, boolean forUpdate) {
        var select = session.dsl().selectFrom(CLUSTERS).where(condition).and(CLUSTERS.DELETED_AT.isNull());
        return (forUpdate ? select.forUpdate() : select).fetchOptional().map(ClusterRecordMapper::toDomain);
    }

    @Override
    public List<Cluster> list() {
        return live.fetch(session, null, CLUSTERS.fields())
                .map(row -> ClusterRecordMapper.toDomain(row.into(CLUSTERS)));
    }

    @Override
    public void update(Cluster changed, long expectedVersion) {
        int updated = session.dsl()
                .update(CLUSTERS)
                .set(ClusterRecordMapper.settings(new ClustersRecord(), changed))
                .where(CLUSTERS.ID.eq(changed.id().value()))
                .and(CLUSTERS.VERSION.eq(expectedVersion))
                .and(CLUSTERS.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new ConcurrentChangeException("cluster", changed.name().value());
        }
    }

    @Override
    public boolean reservePlace(ClusterId id) {
        return place.execute(session, id) == 1;
    }

    @Override
    public void releasePlace(ClusterId id) {
        session.dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.DATABASE_COUNT, DSL.greatest(CLUSTERS.DATABASE_COUNT.minus(1), DSL.inline(0)))
                .where(CLUSTERS.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void changeStorage(ClusterId id, long deltaBytes) {
        session.dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.STORAGE_BYTES, DSL.greatest(CLUSTERS.STORAGE_BYTES.plus(deltaBytes), DSL.inline(0L)))
                .where(CLUSTERS.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void recountDatabases(ClusterId id) {
        session.dsl()
                .update(CLUSTERS)
                .set(
                        CLUSTERS.DATABASE_COUNT,
                        DSL.field(DSL.selectCount()
                                .from(DATABASES)
                                .where(DATABASES.CLUSTER_ID.eq(id.value()))
                                .and(DATABASES.DELETED_AT.isNull())))
                .where(CLUSTERS.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void recordHealth(ClusterId id, ClusterHealth health) {
        session.dsl()
                .update(CLUSTERS)
                .set(ClusterRecordMapper.health(new ClustersRecord(), health))
                .where(CLUSTERS.ID.eq(id.value()))
                .execute();
    }

    @Override
    public boolean anyRegistered() {
        return session.dsl().fetchExists(CLUSTERS);
    }

    @Override
    public void lockRegistration() {
        session.dsl()
                .select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(REGISTRATION_LOCK)))
                .fetch();
    }
}
