package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.RenderedInsert;
import dev.daap.adapters.postgres.RenderedSql;
import dev.daap.adapters.postgres.SqlByShape;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentModificationException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.TeamNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** The {@link Databases} port on PostgreSQL. Lists are keyset-paginated on (sort key, id) over live rows. */
public final class JooqDatabases implements Databases {
    /** lower(purpose), stored for q=; not in the generated table (see GenerateJooqClasses), so no select reads it. */
    static final Field<String> PURPOSE_LOWER = DSL.field(DSL.name(DATABASES.getName(), "purpose_lower"), String.class);

    static final String LIVE_NAME_CONSTRAINT = "databases_live_name_key";
    static final String OWNER_TEAM_CONSTRAINT = "databases_owner_team_fkey";
    private final JooqSession session;
    private final DatabasePageSql pageSql;
    private final RenderedInsert<DatabasesRecord> insert;
    private final SqlByShape<DatabaseId> findSql;

    public JooqDatabases(JooqSession session) {
        this.session = session;
        this.insert = new RenderedInsert<>(session, DATABASES);
        this.pageSql = new DatabasePageSql(query -> session.dsl().render(select(query)));
        this.findSql = new SqlByShape<>(
                id -> "by id",
                id -> session.dsl()
                        .render(session.dsl()
                                .selectFrom(DATABASES)
                                .where(DATABASES.ID.eq(id.value())) // rendered as a placeholder, not inlined
                                .and(DATABASES.DELETED_AT.isNull())));
    }

    @Override
    public void add(Database database) {
        try {
            insert.execute(DatabaseRecordMapper.fill(new DatabasesRecord(), database));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new NameTakenException(database.name().value());
            }
            if (StoreErrors.violates(e, OWNER_TEAM_CONSTRAINT)) {
                throw new TeamNotFoundException(database.ownerTeam().value());
            }
            throw e;
        }
    }

    /**
     * The most frequent read of the API. Its SQL is rendered once (at the first call, with the session's schema
     * mapping; it has one shape) and run as a plain prepared statement: rendering it on every call, even as a plain SQL template,
     * cost more of the server's CPU than the driver's round trip.
     */
    @Override
    public Optional<Database> find(DatabaseId id) {
        List<Database> rows = fetch(findSql.sql(id), List.of(id.value()));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst()); // by primary key: one at most
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
        int updated = session.dsl()
                .update(DATABASES)
                .set(values)
                .where(DATABASES.ID.eq(changed.id().value()).and(DATABASES.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            throw new ConcurrentModificationException(changed.id().toString());
        }
    }

    /** Runs jOOQ's SQL for the query's shape, rendered once (see {@link DatabasePageSql}), with its values. */
    @Override
    public Page<Database> list(DatabaseQuery query) {
        List<Database> rows = fetch(pageSql.sql(query), DatabasePageSql.binds(query));
        return Page.fromLookahead(
                rows,
                query.pageSize(),
                last -> DatabaseCursor.after(last, query.sort()).toToken());
    }

    /** Runs SQL rendered once by jOOQ with its values, and reads its rows (all columns) as databases. */
    private List<Database> fetch(String sql, List<?> values) {
        return RenderedSql.fetch(session, sql, values, DATABASES.fields()).map(DatabaseRecordMapper::toDomain);
    }

    /** The page query, also used by tests to check its plan. */
    org.jooq.Select<DatabasesRecord> select(DatabaseQuery query) {
        return session.dsl()
                .selectFrom(DATABASES)
                .where(conditions(query))
                .orderBy(order(query.sort()))
                .limit(query.pageSize() + 1); // one extra row tells whether a next page exists
    }

    private static List<Condition> conditions(DatabaseQuery query) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(DATABASES.DELETED_AT.isNull());
        query.ownerTeam().ifPresent(team -> conditions.add(DATABASES.OWNER_TEAM.eq(team.value())));
        query.status().ifPresent(status -> conditions.add(DATABASES.STATUS.eq(status.wireName())));
        query.text().ifPresent(text -> {
            // The same test as name ILIKE q OR purpose ILIKE q, without lower-casing every row it reads: names are
            // lower case (databases_name_format) and purpose_lower is lower(purpose), stored. PostgreSQL folds
            // lower() of the bound pattern into a constant when it plans, so the trigram indexes still serve it.
            Field<String> pattern = DSL.lower(DSL.val(containsPattern(text)));
            conditions.add(DATABASES.NAME.like(pattern, '\\').or(PURPOSE_LOWER.like(pattern, '\\')));
        });
        query.after().ifPresent(cursor -> conditions.add(after(cursor)));
        return conditions;
    }

    private static Condition after(DatabaseCursor cursor) {
        DatabaseSort sort = cursor.sort();
        var position = sort.byName()
                ? DSL.row(DATABASES.NAME, DATABASES.ID)
                        .compare(
                                sort.descending() ? org.jooq.Comparator.LESS : org.jooq.Comparator.GREATER,
                                DSL.row(cursor.key(), cursor.id().value()))
                : DSL.row(DATABASES.CREATED_AT, DATABASES.ID)
                        .compare(
                                sort.descending() ? org.jooq.Comparator.LESS : org.jooq.Comparator.GREATER,
                                DSL.row(cursor.createdAtKey(), cursor.id().value()));
        return position;
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
}
