package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.adapters.postgres.sql.Binds;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Comparator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The list's page: keyset-paginated on (sort key, id) over the query's scope of rows, one row more than a page. */
final class DatabasePage {
    /** lower(purpose), stored for q=; not in the generated table (see GenerateJooqClasses), so no select reads it. */
    static final Field<String> PURPOSE_LOWER = DSL.field(DSL.name(DATABASES.getName(), "purpose_lower"), String.class);

    private DatabasePage() {}

    /** A shape for each combination of scope, filters and sort order: at most 192. */
    static HotStatement<DatabaseQuery> statement() {
        return HotStatement.of(PageShape::of, DatabasePage::page);
    }

    /** Rows of the scope that match the filters, after the cursor, in the sort's order; one more than a page. */
    private static Select<DatabasesRecord> page(DSLContext dsl, DatabaseQuery query, Binds<DatabaseQuery> binds) {
        return dsl.selectFrom(DATABASES)
                .where(conditions(query, binds))
                .orderBy(order(query.sort()))
                // One extra row tells whether a next page exists.
                .limit(binds.value(SQLDataType.BIGINT, q -> q.pageSize() + 1L));
    }

    private static List<Condition> conditions(DatabaseQuery query, Binds<DatabaseQuery> binds) {
        List<Condition> conditions = new ArrayList<>();
        switch (query.scope()) {
            case LIVE -> conditions.add(DATABASES.DELETED_AT.isNull());
            case REMOVED -> conditions.add(DATABASES.DELETED_AT.isNotNull());
            case ALL -> {} // deleted or not
        }
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
    private record PageShape(
            DatabaseQuery.Scope scope, boolean team, boolean status, boolean text, boolean after, DatabaseSort sort) {
        static PageShape of(DatabaseQuery query) {
            return new PageShape(
                    query.scope(),
                    query.ownerTeam().isPresent(),
                    query.status().isPresent(),
                    query.text().isPresent(),
                    query.after().isPresent(),
                    query.sort());
        }
    }
}
