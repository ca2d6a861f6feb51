package dev.daap.adapters.postgres.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.Database;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.usage.Granularity;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import dev.daap.testing.DatabaseBuilder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The usage history on PostgreSQL: samples fold into their hours and go, a late sample merges into its folded hour
 * exactly, old hours are forgotten, and reads show folded and unfolded hours alike, per database and per team.
 */
class JooqUsageHistoryTest {
    private static final Instant TEN = Instant.parse("2026-12-04T10:00:00Z");

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final String run =
            "u" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug(run + "-team");

    @Test
    void aFoldTurnsTheCompleteHoursIntoRowsAndDeletesTheirSamples() {
        Database one = add("one");
        sample(one, "2026-12-04T10:05:00Z", 100, 2);
        sample(one, "2026-12-04T10:35:00Z", 300, 5);
        sample(one, "2026-12-04T11:10:00Z", 1000, 1);
        var history = new JooqUsageHistory(transaction::dsl);

        assertThat(history.foldSamplesBefore(TEN.plusSeconds(3600))).isEqualTo(1);

        assertThat(count("daap.usage_samples", one))
                .as("the current hour's sample stays")
                .isEqualTo(1);
        assertThat(transaction
                        .dsl()
                        .fetchOne(
                                "SELECT hour, storage_bytes_sum, storage_bytes_max, connections_max, samples"
                                        + " FROM daap.usage_hourly WHERE database_id = ?",
                                one.id().value())
                        .intoArray())
                .containsExactly(java.time.OffsetDateTime.parse("2026-12-04T10:00:00Z"), 400L, 300L, 5, 2);
        assertThat(history.foldSamplesBefore(TEN.plusSeconds(3600)))
                .as("nothing left to fold")
                .isZero();
    }

    @Test
    void aLateSampleOfAFoldedHourMergesIntoItsRow() {
        Database one = add("one");
        sample(one, "2026-12-04T10:05:00Z", 100, 2);
        var history = new JooqUsageHistory(transaction::dsl);
        history.foldSamplesBefore(TEN.plusSeconds(3600));
        sample(one, "2026-12-04T10:59:59Z", 400, 1);

        assertThat(history.ofDatabase(one.id(), range("2026-12-04T10:00:00Z", "2026-12-04T11:00:00Z")))
                .as("read before the second fold: the row and the sample, as one hour")
                .containsExactly(new UsagePoint(TEN, 250, 400, 2, 2, 1));
        history.foldSamplesBefore(TEN.plusSeconds(3600));

        assertThat(history.ofDatabase(one.id(), range("2026-12-04T10:00:00Z", "2026-12-04T11:00:00Z")))
                .containsExactly(new UsagePoint(TEN, 250, 400, 2, 2, 1));
        assertThat(count("daap.usage_samples", one)).isZero();
    }

    @Test
    void hoursBeforeTheCutoffAreForgotten() {
        Database one = add("one");
        sample(one, "2026-12-04T08:05:00Z", 1, 0);
        sample(one, "2026-12-04T09:05:00Z", 1, 0);
        var history = new JooqUsageHistory(transaction::dsl);
        history.foldSamplesBefore(TEN);

        assertThat(history.forgetHoursBefore(TEN.minusSeconds(3600))).isEqualTo(1);

        assertThat(count("daap.usage_hourly", one)).isEqualTo(1);
    }

    @Test
    void aDaysPointWeighsEverySampleOnceAndATeamsPointSumsItsDatabases() {
        Database one = add("one");
        Database two = add("two");
        sample(one, "2026-12-04T10:05:00Z", 100, 1);
        sample(one, "2026-12-04T10:15:00Z", 100, 3);
        sample(one, "2026-12-04T11:05:00Z", 400, 2);
        sample(two, "2026-12-04T23:59:00Z", 50, null);
        sample(two, "2026-12-05T00:00:00Z", 70, 1);
        var history = new JooqUsageHistory(transaction::dsl);
        history.foldSamplesBefore(TEN.plusSeconds(3600)); // one's first hour folded, the rest still samples
        UsageRange days = new UsageRange(
                Instant.parse("2026-12-04T12:00:00Z"), Instant.parse("2026-12-05T01:00:00Z"), Granularity.DAY);

        assertThat(history.ofDatabase(one.id(), days))
                .containsExactly(new UsagePoint(Instant.parse("2026-12-04T00:00:00Z"), 200, 400, 3, 3, 1));
        assertThat(history.ofTeam(team, days))
                .containsExactly(
                        new UsagePoint(Instant.parse("2026-12-04T00:00:00Z"), 250, 450, 3, 4, 2),
                        new UsagePoint(Instant.parse("2026-12-05T00:00:00Z"), 70, 70, 1, 1, 1));
        assertThat(history.ofTeam(new TeamSlug(run + "-none"), days)).isEmpty();
    }

    private UsageRange range(String from, String to) {
        return new UsageRange(Instant.parse(from), Instant.parse(to), Granularity.HOUR);
    }

    private void sample(Database database, String at, long bytes, Integer connections) {
        transaction
                .dsl()
                .execute(
                        "INSERT INTO daap.usage_samples (database_id, sampled_at, storage_bytes, connections)"
                                + " VALUES (?, ?::timestamptz, ?, ?)",
                        database.id().value(),
                        at,
                        bytes,
                        connections);
    }

    private int count(String table, Database database) {
        return transaction
                                .dsl()
                                .fetchValue(
                                        "SELECT count(*) FROM " + table + " WHERE database_id = ?",
                                        database.id().value())
                        instanceof Number n
                ? n.intValue()
                : -1;
    }

    private Database add(String name) {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        Database database = DatabaseBuilder.aDatabase()
                .named(run + "-" + name)
                .ownedBy(team)
                .build();
        new JooqDatabases(transaction::dsl).add(database);
        return database;
    }
}
