package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.ClustersRecord;
import dev.daap.adapters.postgres.sql.Binds;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.error.ConcurrentChangeException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link Clusters} port on PostgreSQL. A place on a cluster is taken by one {@code UPDATE} of the best
 * cluster's row (see {@link #takePlace}), which holds the row lock until the transaction ends: creates that race for
 * the last places queue on that row, and each re-checks the conditions once the one before it has committed. It runs
 * in every create, as a {@link HotStatement}: jOOQ's rendering was most of placement's CPU (bench/fleet, 2026-12-03).
 */
public final class JooqClusters implements Clusters {
    static final String LIVE_NAME_CONSTRAINT = "clusters_live_name_key";
    /** The advisory lock of {@link #lockRegistration}: "daap" in ASCII, then 2 (1 is the platform keys'). */
    static final long REGISTRATION_LOCK = 0x6461_6170_0000_0002L;

    private final JooqSession session;

    /**
     * Placement in one statement: the best cluster that fits, as {@link dev.daap.domain.cluster.Placement} ranks
     * them, given one more database. The UPDATE takes the row's lock once; creates racing for the same cluster queue
     * on it, and once one gets it PostgreSQL checks the conditions again on the row as the one before it left it: a
     * cluster full by then is not updated, and the create finds nothing this time (CreateDatabase tries again while a
     * cluster fits). Locking the candidate in the subquery as well (FOR NO KEY UPDATE, then the UPDATE) locked the row
     * twice, and a create waiting in between deadlocked with it (bench/fleet, 8 clients, 2026-12-03). Constants are
     * inline; the bind values are the request's, and its shape (region, labels, a named cluster) decides the SQL.
     */
    private final HotStatement<PlacementRequest> takePlace = HotStatement.of(
            request -> List.of(
                    request.region().isPresent(),
                    !request.labels().values().isEmpty(),
                    request.cluster().isPresent(),
                    request.excluded().isPresent()),
            JooqClusters::takePlaceStatement);

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
        return session.dsl()
                .selectFrom(CLUSTERS)
                .where(CLUSTERS.DELETED_AT.isNull())
                .orderBy(CLUSTERS.NAME)
                .fetch(ClusterRecordMapper::toDomain);
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
    public Optional<ClusterRef> takePlace(PlacementRequest request) {
        return takePlace.fetch(session, request, CLUSTERS.ID, CLUSTERS.NAME).stream()
                .findFirst()
                .map(row ->
                        new ClusterRef(new ClusterId(row.get(CLUSTERS.ID)), new ClusterName(row.get(CLUSTERS.NAME))));
    }

    private static Query takePlaceStatement(DSLContext dsl, PlacementRequest request, Binds<PlacementRequest> binds) {
        var candidate = CLUSTERS.as("candidate");
        Field<UUID> best = DSL.field(dsl.select(candidate.ID)
                .from(candidate)
                .where(fits(candidate, request, binds))
                .orderBy(
                        DSL.greatest(
                                fraction(candidate.DATABASE_COUNT, candidate.MAX_DATABASES),
                                fraction(candidate.STORAGE_BYTES, candidate.MAX_STORAGE_BYTES)),
                        candidate.DATABASE_COUNT,
                        candidate.NAME.collate(DSL.collation("C"))) // as Java compares names
                .limit(DSL.inline(1)));
        return dsl.update(CLUSTERS)
                .set(CLUSTERS.DATABASE_COUNT, CLUSTERS.DATABASE_COUNT.plus(DSL.inline(1)))
                .where(CLUSTERS.ID.eq(best))
                .and(fits(CLUSTERS, request, binds)) // checked again on the row as a create before this one left it
                .returningResult(CLUSTERS.ID, CLUSTERS.NAME);
    }

    /** Live, active, up, with room, and in the request's region, with its labels, or the cluster it names. */
    private static Condition fits(
            dev.daap.adapters.postgres.generated.tables.Clusters table,
            PlacementRequest request,
            Binds<PlacementRequest> binds) {
        Condition fits = table.DELETED_AT
                .isNull()
                .and(table.STATE.eq(DSL.inline(ClusterState.ACTIVE.wireName())))
                .and(table.HEALTH_STATUS.eq(DSL.inline(HealthStatus.UP.wireName())))
                .and(table.MAX_DATABASES.isNull().or(table.DATABASE_COUNT.lt(table.MAX_DATABASES)))
                .and(table.MAX_STORAGE_BYTES.isNull().or(table.STORAGE_BYTES.lt(table.MAX_STORAGE_BYTES)));
        if (request.region().isPresent()) {
            fits = fits.and(table.REGION.eq(
                    binds.value(CLUSTERS.REGION, r -> r.region().orElseThrow().value())));
        }
        if (!request.labels().values().isEmpty()) {
            fits = fits.and(DSL.condition(
                    "{0} @> {1}",
                    table.LABELS,
                    binds.value(
                            CLUSTERS.LABELS, r -> JsonColumns.toJsonb(r.labels().values()))));
        }
        if (request.cluster().isPresent()) {
            fits = fits.and(table.NAME.eq(
                    binds.value(CLUSTERS.NAME, r -> r.cluster().orElseThrow().value())));
        }
        if (request.excluded().isPresent()) {
            fits = fits.and(table.NAME.ne(
                    binds.value(CLUSTERS.NAME, r -> r.excluded().orElseThrow().value())));
        }
        return fits;
    }

    /** What a cluster uses of a limit, as {@code ClusterFill.fraction}: 0 without one (a limit of 0 never fits). */
    private static Field<Double> fraction(Field<? extends Number> used, Field<? extends Number> limit) {
        return DSL.coalesce(
                used.cast(SQLDataType.DOUBLE).div(DSL.nullif(limit.cast(SQLDataType.DOUBLE), DSL.inline(0.0))),
                DSL.inline(0.0));
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
