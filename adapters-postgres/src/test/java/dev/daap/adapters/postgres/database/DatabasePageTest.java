package dev.daap.adapters.postgres.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.LabelSelector;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The list's page is a hot statement: SQL rendered for the first query of each shape (which filters, which order)
 * and run with every later query's values. For each of the 64 shapes, two queries that differ in every value must
 * read exactly the rows that jOOQ's own execution of the same query reads, and some rows at that. What a page
 * means (order, paging, filters) is JooqDatabasesContractTest's.
 */
class DatabasePageTest {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final TeamSlug[] teams = {new TeamSlug("page-" + run + "-0"), new TeamSlug("page-" + run + "-1")};

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Test
    void everyShapeReadsWhatJooqsOwnExecutionReadsWithEachQuerysOwnValues() {
        DSLContext dsl = transaction.dsl();
        MigratedDatabase.teamsExist(dsl, teams);
        rows().forEach(dsl::executeInsert);
        var databases = new JooqDatabases(() -> dsl);
        int shapes = 0;
        for (DatabaseSort sort : DatabaseSort.values()) {
            if (sort.byRank()) {
                continue; // needs a search: below
            }
            for (int present = 0; present < 16; present++) {
                for (int variant = 0; variant < 2; variant++) {
                    DatabaseQuery query = query(sort, present, variant);
                    List<Database> jooqs = ((ResultQuery<?>) databases.page.query(dsl, query))
                            .fetch()
                            .map(DatabaseRecordMapper::toDomain);

                    List<Database> hot = databases.list(query).items();

                    assertThat(jooqs).as("jOOQ's page for %s", query).isNotEmpty();
                    assertThat(hot)
                            .as("the page for %s", query)
                            .isEqualTo(jooqs.subList(0, Math.min(jooqs.size(), query.pageSize())));
                }
                shapes++;
            }
        }
        assertThat(shapes).isEqualTo(64);
    }

    @Test
    void labelSelectorsNameAndSearchReadWhatJooqsOwnExecutionReads() {
        DSLContext dsl = transaction.dsl();
        MigratedDatabase.teamsExist(dsl, teams);
        rows().forEach(dsl::executeInsert);
        var databases = new JooqDatabases(() -> dsl);
        int shapes = 0;
        for (int present = 0; present < 16; present++) {
            for (int variant = 0; variant < 2; variant++) {
                DatabaseQuery query = newFilters(present, variant);
                assertSameAsJooq(databases, dsl, query);
            }
            shapes++;
        }
        assertSameAsJooq(
                databases,
                dsl,
                new DatabaseQuery(
                        Optional.of(teams[0]),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new DatabaseName("e-" + teams[0].value() + "-ready")),
                        List.of(),
                        Optional.empty(),
                        DatabaseSort.NAME,
                        50,
                        Optional.empty(),
                        false,
                        ""));
        assertThat(shapes).isEqualTo(16);
    }

    private static void assertSameAsJooq(JooqDatabases databases, DSLContext dsl, DatabaseQuery query) {
        List<Database> jooqs =
                ((ResultQuery<?>) databases.page.query(dsl, query)).fetch().map(DatabaseRecordMapper::toDomain);

        List<Database> hot = databases.list(query).items();

        assertThat(jooqs).as("jOOQ's page for %s", query).isNotEmpty();
        assertThat(hot)
                .as("the page for %s", query)
                .isEqualTo(jooqs.subList(0, Math.min(jooqs.size(), query.pageSize())));
    }

    /** Label values, label keys, a search (ordered by relevance) and a position after, in every combination. */
    private DatabaseQuery newFilters(int present, int variant) {
        boolean value = (present & 1) != 0;
        boolean key = (present & 2) != 0;
        boolean search = (present & 4) != 0;
        boolean after = (present & 8) != 0;
        List<LabelSelector> labels = new java.util.ArrayList<>();
        if (value) {
            labels.add(LabelSelector.parse(variant == 0 ? "env:prod" : "env:dev"));
        }
        if (key) {
            labels.add(LabelSelector.parse(variant == 0 ? "tier" : "env"));
        }
        DatabaseSort sort = search ? DatabaseSort.RELEVANCE : DatabaseSort.NAME;
        // Every rank is below 1, so a position after rank 1 skips none; a name before "a" likewise.
        String position = search ? "1.0" : "0-before-all";
        return new DatabaseQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                labels,
                search ? Optional.of(variant == 0 ? "shop" : "\"shop's 50\" or list") : Optional.empty(),
                sort,
                variant == 0 ? 50 : 3,
                after
                        ? Optional.of(new DatabaseCursor(sort, position, new DatabaseId(new UUID(variant, 42))))
                        : Optional.empty(),
                false,
                "");
    }

    /**
     * Four rows for each team and status, named on both sides of the cursors' names and created on both sides of
     * their times, with purposes that contain both texts.
     */
    private List<DatabasesRecord> rows() {
        Instant first = Instant.parse("2025-12-01T10:00:00Z");
        String[] initials = {"a", "e", "m", "z"};
        List<DatabasesRecord> rows = new java.util.ArrayList<>();
        for (TeamSlug team : teams) {
            for (String status : List.of("ready", "failed")) {
                for (int k = 0; k < 4; k++) {
                    Instant created = first.plus(k * 27L, ChronoUnit.DAYS);
                    rows.add(new DatabasesRecord()
                            .setId(UUID.randomUUID())
                            .setName(initials[k] + "-" + team.value() + "-" + status)
                            .setNameOnCluster(initials[k] + "-" + team.value() + "-" + status)
                            .setOwnerTeam(team.value())
                            .setPurpose("The Shop's 50%_off\\ list, " + k)
                            .setStatus(status)
                            .setLabels(JSONB.valueOf("{\"env\": \"" + (status.equals("ready") ? "prod" : "dev") + "\""
                                    + (k % 2 == 0 ? ", \"tier\": \"gold\"}" : "}")))
                            .setCreatedAt(created)
                            .setUpdatedAt(created));
                }
            }
        }
        return rows;
    }

    /** A query of the shape {@code sort} and {@code present}; the two variants differ in every value they have. */
    private DatabaseQuery query(DatabaseSort sort, int present, int variant) {
        boolean team = (present & 1) != 0;
        boolean status = (present & 2) != 0;
        boolean text = (present & 4) != 0;
        boolean after = (present & 8) != 0;
        String key = sort.byName() ? "db-" + variant : "2026-0" + (variant + 1) + "-01T10:00:00Z";
        return new DatabaseQuery(
                team ? Optional.of(teams[variant]) : Optional.empty(),
                status ? Optional.of(variant == 0 ? DatabaseStatus.READY : DatabaseStatus.FAILED) : Optional.empty(),
                text ? Optional.of(variant == 0 ? "shop" : "50%_off\\") : Optional.empty(),
                sort,
                variant == 0 ? 50 : 3,
                after
                        ? Optional.of(new DatabaseCursor(sort, key, new DatabaseId(new UUID(variant, 42))))
                        : Optional.empty());
    }
}
