package dev.daap.adapters.postgres.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.Database;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Spending;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.DatabaseBuilder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What admission reads on PostgreSQL: the team's count of live databases, which the triggers of daap:0145 keep as
 * databases are created, deleted, restored and moved, and the month's usage of its databases.
 */
class JooqSpendingTest {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final String run =
            "s" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug(run + "-team");
    private final TeamSlug other = new TeamSlug(run + "-other");

    @Test
    void theCountFollowsCreatesDeletesRestoresAndMovesAndStopsAtTheLimitAsked() {
        MigratedDatabase.teamsExist(transaction.dsl(), team, other);
        var databases = new JooqDatabases(transaction::dsl);
        var spending = new JooqSpending(transaction::dsl);
        Database one = add(databases, "one");
        add(databases, "two");
        add(databases, "three");
        assertThat(spending.liveDatabases(team, 100)).isEqualTo(3);
        assertThat(spending.liveDatabases(team, 2)).isEqualTo(2);

        Database deleting = one.startDeleting(UUID.randomUUID(), Instant.now());
        databases.update(deleting, one.version());
        assertThat(spending.liveDatabases(team, 100))
                .as("deleting is still live")
                .isEqualTo(3);
        Database deleted = deleting.deleted(Instant.now(), Instant.now().plusSeconds(3600));
        databases.update(deleted, deleting.version());
        assertThat(spending.liveDatabases(team, 100)).isEqualTo(2);

        transaction
                .dsl()
                .execute(
                        "UPDATE daap.databases SET owner_team = ? WHERE name = ? AND owner_team = ?",
                        other.value(),
                        run + "-two",
                        team.value());
        assertThat(spending.liveDatabases(team, 100)).isEqualTo(1);
        assertThat(spending.liveDatabases(other, 100)).isEqualTo(1);
        assertThat(spending.liveDatabases(new TeamSlug(run + "-nobody"), 100)).isZero();
    }

    @Test
    void theUsageOfAMonthHoldsTheDatabasesLiveInItWithTheirPlans() {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        var databases = new JooqDatabases(transaction::dsl);
        Database live = add(databases, "live").withPlan(PlanName.CATALOG_DEFAULT);

        var usage = new JooqSpending(transaction::dsl)
                .usage(team, DatabaseBuilder.CREATED.minusSeconds(60), DatabaseBuilder.CREATED.plusSeconds(60));

        assertThat(usage).containsExactly(new Spending.DatabaseUsage(live.plan(), null, live.createdAt(), null));
        assertThat(new JooqSpending(transaction::dsl)
                        .usage(team, DatabaseBuilder.CREATED.plusSeconds(60), DatabaseBuilder.CREATED.plusSeconds(120)))
                .as("created before this window and still live")
                .hasSize(1);
        assertThat(new JooqSpending(transaction::dsl)
                        .usage(
                                team,
                                DatabaseBuilder.CREATED.minusSeconds(120),
                                DatabaseBuilder.CREATED.minusSeconds(60)))
                .as("created after the window")
                .isEmpty();
    }

    private Database add(JooqDatabases databases, String name) {
        Database database = DatabaseBuilder.aDatabase()
                .named(run + "-" + name)
                .ownedBy(team)
                .build();
        databases.add(database);
        return database;
    }
}
