package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.adapters.postgres.sql.Binds;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.TeamNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Comparator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link Databases} port on PostgreSQL. Lists are keyset-paginated on (sort key, id) over live rows. GET by id,
 * the list's page and the insert run on every request of their kind, as {@link HotStatement}s.
 */
public final class JooqDatabases implements Databases {
    /** lower(purpose), stored for q=; not in the generated table (see GenerateJooqClasses), so no select reads it. */
    static final Field<String> PURPOSE_LOWER = DSL.field(DSL.name(DATABASES.getName(), "purpose_lower"), String.class);

    static final String LIVE_NAME_CONSTRAINT = "databases_live_team_name_key";
    static final String OWNER_TEAM_CONSTRAINT = "databases_owner_team_fkey";
    static final String NAME_ON_CLUSTER_CONSTRAINT = "databases_live_name_on_cluster_key";
    private final JooqSession session;

    private final HotStatement<DatabaseId> live = HotStatement.of((dsl, id, binds) -> dsl.selectFrom(DATABASES)
            .where(DATABASES.ID.eq(binds.value(DATABASES.ID, DatabaseId::value)))
            .and(DATABASES.DELETED_AT.isNull()));

    /** A shape for each combination of filters and sort order: at most 64. */
    final HotStatement<DatabaseQuery> page = HotStatement.of(PageShape::of, JooqDatabases::page);

    private final HotStatement<DatabasesRecord> insert = HotStatement.insert(DATABASES);

    public JooqDatabases(JooqSession session) {
        this.session = session;
    }

    @Override
    public void add(Database database) {
        try {
            insert.execute(session, DatabaseRecordMapper.fill(new DatabasesRecord(), database));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new NameTakenException(
                        database.ownerTeam().value(), database.name().value());
            }
            if (StoreErrors.violates(e, OWNER_TEAM_CONSTRAINT)) {
                throw new TeamNotFoundException(database.ownerTeam().value());
            }
            if (StoreErrors.violates(e, NAME_ON_CLUSTER_CONSTRAINT)) {
                // Creates check the name under the cluster's lock; only a create that skipped that gets here.
                throw new ConcurrentChangeException("database", database.id().toString());
            }
            throw e;
        }
    }

    @Override
    public Optional<Database> find(DatabaseId id) {
        return live.fetch(session, id, DATABASES.fields()).stream()
                .findFirst()
                .map(DatabaseRecordMapper::toDomain); // one at most
    }

    @Override
    public Optional<Database> findIncludingDeleted(DatabaseId id) {
        return session.dsl()
                .selectFrom(DATABASES)
                .where(DATABASES.ID.eq(id.value()))
                .fetchOptional()
                .map(DatabaseRecordMapper::toDomain);
    }

    @Override
    public void update(Database changed, long expectedVersion) {
        DatabasesRecord values = DatabaseRecordMapper.fill(new DatabasesRecord(), changed);
        values.changed(DATABASES.ID, false);
        values.changed(DATABASES.NAME, false); // immutable; never rewritten
        values.changed(DATABASES.CREATED_AT, false);
        values.changed(DATABASES.STORAGE_BYTES, false); // the probe's measurement, written without the version
        int updated;
        try {
            updated = session.dsl()
                    .update(DATABASES)
                    .set(values)
                    .where(DATABASES.ID.eq(changed.id().value()).and(DATABASES.VERSION.eq(expectedVersion)))
                    .execute();
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new NameTakenException(
                        changed.ownerTeam().value(), changed.name().value());
            }
            throw e;
        }
        if (updated == 0) {
            throw new ConcurrentChangeException(changed.id().toString());
        }
    }

    @Override
    public Page<Database> list(DatabaseQuery query) {
        List<Database> rows = page.fetch(session, query, DATABASES.fields()).map(DatabaseRecordMapper::toDomain);
        return Page.fromLookahead(
                rows,
                query.pageSize(),
                last -> DatabaseCursor.after(last, query.sort()).toToken());
    }

    @Override
    public boolean nameOnClusterTaken(ClusterId cluster, NameOnCluster name) {
        return session.dsl()
                .fetchExists(
                        DATABASES,
                        DATABASES
                                .CLUSTER_ID
                                .eq(cluster.value())
                                .and(DATABASES.NAME_ON_CLUSTER.eq(name.value()))
                                .and(DATABASES.DELETED_AT.isNull()));
    }

    @Override
    public int assignUnplaced(ClusterRef cluster) {
        return session.dsl()
                .update(DATABASES)
                .set(DATABASES.CLUSTER_ID, cluster.id().value())
                .set(DATABASES.CLUSTER_NAME, cluster.name().value())
                .set(DATABASES.VERSION, DATABASES.VERSION.plus(1L))
                .where(DATABASES.CLUSTER_ID.isNull())
                .execute();
    }

    @Override
    public void changeEndpoint(ClusterId cluster, ClientEndpoint.Resolved endpoint) {
        session.dsl()
                .update(DATABASES)
                .set(DATABASES.HOST, endpoint.host())
                .set(DATABASES.PORT, endpoint.port())
                .set(
                        DATABASES.SSLMODE,
                        endpoint.sslmode() == null ? null : endpoint.sslmode().wireName())
                .set(DATABASES.VERSION, DATABASES.VERSION.plus(1L))
                .where(DATABASES.CLUSTER_ID.eq(cluster.value()))
                .and(DATABASES.DELETED_AT.isNull())
                .and(DATABASES.HOST.isNotNull())
                .execute();
    }

    /** Live rows that match the filters, after the cursor, in the sort's order; one more than a page. */
    private static Select<DatabasesRecord> page(DSLContext dsl, DatabaseQuery query, Binds<DatabaseQuery> binds) {
        return dsl.selectFrom(DATABASES)
                .where(conditions(query, binds))
                .orderBy(order(query.sort()))
                // One extra row tells whether a next page exists.
                .limit(binds.value(SQLDataType.BIGINT, q -> q.pageSize() + 1L));
    }

    private static List<Condition> conditions(DatabaseQuery query, Binds<DatabaseQuery> binds) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(DATABASES.DELETED_AT.isNull());
        if (query.ownerTeam().isPresent()) {
            conditions.add(DATABASES.OWNER_TEAM.eq(binds.value(
                    DATABASES.OWNER_TEAM, q -> q.ownerTeam().orElseThrow().value())));
        }
        if (query.status().isPresent()) {
            conditions.add(DATABASES.STATUS.eq(
                    binds.value(DATABASES.STATUS, q -> q.status().orElseThrow().wireName())));
        }
        if (query.text().isPresent()) {
            // The same test as name ILIKE q OR purpose ILIKE q, without lower-casing every row it reads: names are
            // lower case (databases_name_format) and purpose_lower is lower(purpose), stored. PostgreSQL folds
            // lower() of the bound pattern into a constant when it plans, so the trigram indexes still serve it.
            Field<String> pattern = DSL.lower(binds.value(
                    SQLDataType.VARCHAR, q -> containsPattern(q.text().orElseThrow())));
            conditions.add(DATABASES.NAME.like(pattern, '\\').or(PURPOSE_LOWER.like(pattern, '\\')));
        }
        if (query.after().isPresent()) {
            conditions.add(after(query.sort(), binds));
        }
        return conditions;
    }

    /** Rows after the cursor's (sort key, id) in the sort's direction; tokens are bound to their sort order. */
    private static Condition after(DatabaseSort sort, Binds<DatabaseQuery> binds) {
        Comparator direction = sort.descending() ? Comparator.LESS : Comparator.GREATER;
        Field<UUID> id = binds.value(DATABASES.ID, q -> cursor(q).id().value());
        return sort.byName()
                ? DSL.row(DATABASES.NAME, DATABASES.ID)
                        .compare(
                                direction,
                                DSL.row(
                                        binds.value(
                                                DATABASES.NAME, q -> cursor(q).key()),
                                        id))
                : DSL.row(DATABASES.CREATED_AT, DATABASES.ID)
                        .compare(
                                direction,
                                DSL.row(
                                        binds.value(
                                                DATABASES.CREATED_AT,
                                                q -> cursor(q).createdAtKey()),
                                        id));
    }

    private static DatabaseCursor cursor(DatabaseQuery query) {
        return query.after().orElseThrow();
    }

    private static List<SortField<?>> order(DatabaseSort sort) {
        var key = sort.byName() ? DATABASES.NAME : DATABASES.CREATED_AT;
        return sort.descending() ? List.of(key.desc(), DATABASES.ID.desc()) : List.of(key.asc(), DATABASES.ID.asc());
    }

    /** The LIKE pattern of q: its text anywhere, with LIKE's own characters matched literally. */
    static String containsPattern(String text) {
        return "%" + escapeLike(text) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** What decides the page's SQL: which filters are present and the order, not their values. */
    private record PageShape(boolean team, boolean status, boolean text, boolean after, DatabaseSort sort) {
        static PageShape of(DatabaseQuery query) {
            return new PageShape(
                    query.ownerTeam().isPresent(),
                    query.status().isPresent(),
                    query.text().isPresent(),
                    query.after().isPresent(),
                    query.sort());
        }
    }
}
