package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.sql.Binds;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Comparator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The list's page: keyset-paginated on (sort key, id) over the query's scope of rows, one row more than a page. */
final class DatabasePage {
    /** lower(purpose), stored for q=; not in the generated table (see GenerateJooqClasses), so no select reads it. */
    static final Field<String> PURPOSE_LOWER = DSL.field(DSL.name(DATABASES.getName(), "purpose_lower"), String.class);
    /** The stored tsvector of purpose and label values, for search=; left out of the generated table likewise. */
    static final Field<Object> SEARCH_DOCUMENT =
            DSL.field(DSL.name(DATABASES.getName(), "search_document"), SQLDataType.OTHER);
    /** The rank of a row for search=, selected beside the table's columns when the page is ordered by it. */
    static final String RANK = "search_rank";

    private DatabasePage() {}

    /**
     * A shape for each combination of scope, filters and sort order, with the number of label selectors of each
     * kind: a few hundred at most in practice, each rendered once.
     */
    static HotStatement<DatabaseQuery> statement() {
        return HotStatement.of(PageShape::of, DatabasePage::page);
    }

    /** Every row of the scope that matches the filters, in the sort's order: an export, read with a cursor. */
    static HotStatement<DatabaseQuery> everyRow() {
        return HotStatement.of(PageShape::of, DatabasePage::all);
    }

    private static Select<Record> all(DSLContext dsl, DatabaseQuery query, Binds<DatabaseQuery> binds) {
        return dsl.select(columns(query, binds))
                .from(DATABASES)
                .where(conditions(query, binds))
                .orderBy(order(query.sort()));
    }

    /** Rows of the scope that match the filters, after the cursor, in the sort's order; one more than a page. */
    private static Select<Record> page(DSLContext dsl, DatabaseQuery query, Binds<DatabaseQuery> binds) {
        return dsl.select(columns(query, binds))
                .from(DATABASES)
                .where(conditions(query, binds))
                .orderBy(order(query.sort()))
                // One extra row tells whether a next page exists.
                .limit(binds.value(SQLDataType.BIGINT, q -> q.pageSize() + 1L));
    }

    /** The table's columns, and the rank when the page is ordered by it (its token needs the last row's rank). */
    static List<Field<?>> columns(DatabaseQuery query, Binds<DatabaseQuery> binds) {
        List<Field<?>> columns = new ArrayList<>(List.of(DATABASES.fields()));
        if (query.sort().byRank()) {
            columns.add(rank(binds).as(RANK));
        }
        return columns;
    }

    /** The columns a page of {@code query} returns, as {@link HotStatement#fetch} reads them. */
    static Field<?>[] returned(DatabaseQuery query) {
        List<Field<?>> columns = new ArrayList<>(List.of(DATABASES.fields()));
        if (query.sort().byRank()) {
            columns.add(DSL.field(DSL.name(RANK), SQLDataType.REAL));
        }
        return columns.toArray(Field<?>[]::new);
    }

    private static Field<Float> rank(Binds<DatabaseQuery> binds) {
        return DSL.field("ts_rank({0}, {1})", SQLDataType.REAL, SEARCH_DOCUMENT, tsQuery(binds));
    }

    /** The search in web search syntax, under the configuration the stored document was made with. */
    private static Field<Object> tsQuery(Binds<DatabaseQuery> binds) {
        return DSL.field(
                "websearch_to_tsquery('english'::regconfig, {0})",
                SQLDataType.OTHER,
                binds.value(SQLDataType.VARCHAR, q -> q.search().orElseThrow()));
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
        if (query.cluster().isPresent()) {
            conditions.add(DATABASES.CLUSTER_NAME.eq(binds.value(
                    DATABASES.CLUSTER_NAME, q -> q.cluster().orElseThrow().value())));
        }
        if (query.name().isPresent()) {
            conditions.add(DATABASES.NAME.eq(
                    binds.value(DATABASES.NAME, q -> q.name().orElseThrow().value())));
        }
        // Values first, then keys: the order the shape counts them in.
        for (int i = 0; i < query.labelValues().size(); i++) {
            int index = i;
            conditions.add(DSL.condition(
                    "{0} @> {1}",
                    DATABASES.LABELS,
                    binds.value(
                            DATABASES.LABELS, q -> labelObject(q.labelValues().get(index)))));
        }
        for (int i = 0; i < query.labelKeys().size(); i++) {
            int index = i;
            conditions.add(DSL.jsonbKeyExists(
                    DATABASES.LABELS,
                    binds.value(
                            SQLDataType.VARCHAR, q -> q.labelKeys().get(index).key())));
        }
        if (query.search().isPresent()) {
            conditions.add(DSL.condition("{0} @@ {1}", SEARCH_DOCUMENT, tsQuery(binds)));
        }
        if (query.after().isPresent()) {
            conditions.add(query.sort().byRank() ? afterRank(binds) : after(query.sort(), binds));
        }
        return conditions;
    }

    private static JSONB labelObject(LabelSelector selector) {
        return JsonColumns.toJsonb(Map.of(selector.key(), selector.value().orElseThrow()));
    }

    /** Rows after the cursor by relevance: a lower rank, or the same rank and a greater id. */
    private static Condition afterRank(Binds<DatabaseQuery> binds) {
        return rank(binds)
                .lt(binds.value(SQLDataType.REAL, q -> cursor(q).rankKey()))
                .or(rank(binds)
                        .eq(binds.value(SQLDataType.REAL, q -> cursor(q).rankKey()))
                        .and(DATABASES.ID.gt(
                                binds.value(DATABASES.ID, q -> cursor(q).id().value()))));
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
        if (sort.byRank()) {
            return List.of(DSL.field(DSL.name(RANK)).desc(), DATABASES.ID.asc());
        }
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
            DatabaseQuery.Scope scope,
            boolean team,
            boolean status,
            boolean text,
            boolean name,
            boolean cluster,
            int labelValues,
            int labelKeys,
            boolean search,
            boolean after,
            DatabaseSort sort) {
        static PageShape of(DatabaseQuery query) {
            return new PageShape(
                    query.scope(),
                    query.ownerTeam().isPresent(),
                    query.status().isPresent(),
                    query.text().isPresent(),
                    query.name().isPresent(),
                    query.cluster().isPresent(),
                    query.labelValues().size(),
                    query.labelKeys().size(),
                    query.search().isPresent(),
                    query.after().isPresent(),
                    query.sort());
        }
    }
}
