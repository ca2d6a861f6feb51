package dev.daap.adapters.postgres.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.team.TeamSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page SQL is rendered once per shape and reused with values bound by hand, so for every shape (which filters,
 * which order) two queries must render the same text, and the hand-made values must be jOOQ's, in jOOQ's order.
 * The list's behaviour on PostgreSQL is JooqDatabasesContractTest's; this pins the cache to jOOQ's rendering.
 */
class DatabasePageSqlTest {

    @ParameterizedTest
    @ValueSource(strings = {JooqFactory.GENERATED_SCHEMA, "tenant_b"})
    void everyShapeRendersOneTextAndBindsJooqsValuesInJooqsOrder(String schema) {
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES, JooqFactory.settings(schema));
        var databases = new JooqDatabases(() -> dsl);
        var cache = new DatabasePageSql(query -> dsl.render(databases.select(query)));
        List<DatabaseQuery[]> shapes = everyShape();
        assertThat(shapes).hasSize(64);
        for (DatabaseQuery[] pair : shapes) {
            DatabaseQuery first = pair[0];
            DatabaseQuery second = pair[1];
            String jooqSql = dsl.render(databases.select(second));
            assertThat(cache.sql(first)).as("rendered for %s", first).isEqualTo(dsl.render(databases.select(first)));
            assertThat(cache.sql(second)).as("reused for %s", second).isEqualTo(jooqSql);
            assertThat(jooqSql).contains("from \"" + schema + "\".\"databases\"");
            for (DatabaseQuery query : pair) {
                assertThat(DatabasePageSql.binds(query))
                        .as("values of %s", query)
                        .containsExactlyElementsOf(dsl.extractBindValues(databases.select(query)));
            }
        }
    }

    /** For each of the 64 shapes, two queries that differ in every value they have. */
    private static List<DatabaseQuery[]> everyShape() {
        List<DatabaseQuery[]> shapes = new ArrayList<>();
        for (DatabaseSort sort : DatabaseSort.values()) {
            for (int present = 0; present < 16; present++) {
                shapes.add(new DatabaseQuery[] {query(sort, present, 0), query(sort, present, 1)});
            }
        }
        return shapes;
    }

    private static DatabaseQuery query(DatabaseSort sort, int present, int variant) {
        boolean team = (present & 1) != 0;
        boolean status = (present & 2) != 0;
        boolean text = (present & 4) != 0;
        boolean after = (present & 8) != 0;
        String key = sort.byName() ? "db-" + variant : "2026-0" + (variant + 1) + "-01T10:00:00Z";
        return new DatabaseQuery(
                team ? Optional.of(new TeamSlug("team-" + variant)) : Optional.empty(),
                status ? Optional.of(variant == 0 ? DatabaseStatus.READY : DatabaseStatus.FAILED) : Optional.empty(),
                text ? Optional.of(variant == 0 ? "shop" : "50%_off\\") : Optional.empty(),
                sort,
                variant == 0 ? 50 : 7,
                after
                        ? Optional.of(new DatabaseCursor(sort, key, new DatabaseId(new UUID(variant, 42))))
                        : Optional.empty());
    }
}
