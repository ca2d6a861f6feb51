package dev.daap.adapters.postgres.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.cost.CostSources.DatabaseLife;
import dev.daap.domain.cost.CostSources.PlanChange;
import dev.daap.domain.cost.CostSources.StorageStretch;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a cost report reads on PostgreSQL: the databases live in a month, the plan changes their revisions hold, and
 * the storage above the included storage of many stretches in one statement.
 */
class JooqCostSourcesTest {
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JANUARY = Instant.parse("2027-01-01T00:00:00Z");

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final String run =
            "c" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug(run + "-team");
    private final TeamSlug other = new TeamSlug(run + "-other");

    @Test
    void theDatabasesLiveInTheMonthOfATeamOrOfEveryTeam() {
        MigratedDatabase.teamsExist(transaction.dsl(), team, other);
        UUID live = database(team, "live", "small", "2026-11-20T00:00:00Z", null);
        database(team, "gone", "small", "2026-11-01T00:00:00Z", "2026-11-30T00:00:00Z");
        UUID leaving = database(team, "leaving", "medium", "2026-11-01T00:00:00Z", "2026-12-03T00:00:00Z");
        database(team, "later", "small", "2027-01-02T00:00:00Z", null);
        UUID elsewhere = database(other, "elsewhere", "small", "2026-12-05T00:00:00Z", null);
        var sources = new JooqCostSources(transaction::dsl);

        assertThat(sources.databasesLiveIn(Optional.of(team), DECEMBER, JANUARY))
                .extracting(DatabaseLife::id)
                .containsExactly(new DatabaseId(leaving), new DatabaseId(live));
        assertThat(sources.databasesLiveIn(Optional.of(team), DECEMBER, JANUARY).getFirst())
                .isEqualTo(new DatabaseLife(
                        new DatabaseId(leaving),
                        run + "-leaving",
                        team,
                        new PlanName("medium"),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-12-03T00:00:00Z")));
        assertThat(sources.databasesLiveIn(Optional.empty(), DECEMBER, JANUARY))
                .extracting(DatabaseLife::id)
                .contains(new DatabaseId(live), new DatabaseId(leaving), new DatabaseId(elsewhere));
    }

    @Test
    void thePlanChangesComeFromTheRevisionsSinceTheMonthsStart() {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        UUID id = database(team, "moved", "medium", "2026-11-20T00:00:00Z", null);
        revision(id, 1, "2026-11-20T00:00:00Z", "[{\"field\": \"plan\", \"before\": null, \"after\": \"small\"}]");
        revision(id, 2, "2026-11-25T00:00:00Z", "[{\"field\": \"plan\", \"before\": \"small\", \"after\": \"large\"}]");
        revision(
                id,
                3,
                "2026-12-10T06:00:00Z",
                "[{\"field\": \"purpose\", \"before\": \"a\", \"after\": \"b\"},"
                        + " {\"field\": \"plan\", \"before\": \"large\", \"after\": \"medium\"}]");
        revision(id, 4, "2026-12-11T06:00:00Z", "[{\"field\": \"purpose\", \"before\": \"b\", \"after\": \"c\"}]");

        assertThat(new JooqCostSources(transaction::dsl).planChangesSince(Optional.of(team), DECEMBER))
                .containsExactly(new PlanChange(
                        new DatabaseId(id),
                        Instant.parse("2026-12-10T06:00:00Z"),
                        new PlanName("large"),
                        new PlanName("medium")));
    }

    @Test
    void theStorageAboveTheIncludedIsSummedPerStretchInItsHours() {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        UUID id = database(team, "big", "small", "2026-11-20T00:00:00Z", null);
        hour(id, "2026-12-01T00:00:00Z", 3 * 7_000_000_000L, 3); // avg 7 GB: 2 GB over 5
        hour(id, "2026-12-01T01:00:00Z", 2 * 4_000_000_000L, 2); // avg 4 GB: below
        hour(id, "2026-12-01T02:00:00Z", 5_000_000_001L, 1); // 1 byte over
        var sources = new JooqCostSources(transaction::dsl);

        List<BigDecimal> over = sources.byteHoursOverIncluded(List.of(
                new StorageStretch(new DatabaseId(id), DECEMBER, Instant.parse("2026-12-01T02:00:00Z"), 5_000_000_000L),
                new StorageStretch(new DatabaseId(id), Instant.parse("2026-12-01T02:00:00Z"), JANUARY, 5_000_000_000L),
                new StorageStretch(new DatabaseId(UUID.randomUUID()), DECEMBER, JANUARY, 0)));

        assertThat(over).hasSize(3);
        assertThat(over.get(0)).isEqualByComparingTo("2000000000");
        assertThat(over.get(1)).isEqualByComparingTo("1");
        assertThat(over.get(2)).isEqualByComparingTo("0");
        assertThat(sources.byteHoursOverIncluded(List.of())).isEmpty();
    }

    private UUID database(TeamSlug owner, String name, String plan, String created, String deleted) {
        UUID id = UUID.randomUUID();
        transaction
                .dsl()
                .execute(
                        "INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,"
                                + " updated_at, version, plan, deleted_at) VALUES (?, ?, ?, ?, 'costs', ?,"
                                + " ?::timestamptz, '2027-06-01T00:00:00Z', 5, ?, ?::timestamptz)",
                        id,
                        run + "-" + name,
                        run + "_" + name,
                        owner.value(),
                        deleted == null ? "ready" : "deleted",
                        created,
                        plan,
                        deleted);
        return id;
    }

    private void revision(UUID database, long version, String at, String changes) {
        transaction
                .dsl()
                .execute(
                        "INSERT INTO daap.database_revisions (database_id, version, changed_at, actor_kind, changes,"
                                + " settings) VALUES (?, ?, ?::timestamptz, 'daap', ?::jsonb, '{}'::jsonb)",
                        database,
                        version,
                        at,
                        changes);
    }

    private void hour(UUID database, String hour, long sum, int samples) {
        transaction
                .dsl()
                .execute(
                        "INSERT INTO daap.usage_hourly (database_id, hour, storage_bytes_sum, storage_bytes_max,"
                                + " samples) VALUES (?, ?::timestamptz, ?, ?, ?)",
                        database,
                        hour,
                        sum,
                        sum,
                        samples);
    }
}
