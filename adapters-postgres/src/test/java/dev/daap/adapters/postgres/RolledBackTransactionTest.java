package dev.daap.adapters.postgres;

import static dev.daap.adapters.postgres.generated.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.team.TeamSlug;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** The extension every adapter test relies on: what a test wrote is gone after it, and a savepoint keeps it usable. */
class RolledBackTransactionTest {
    private final DSLContext committed = JooqFactory.create(MigratedDatabase.dataSource(), MigratedDatabase.SCHEMA);
    private final TeamSlug team =
            new TeamSlug("rolled-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void whatATestWroteIsGoneAfterIt() throws Exception {
        var transaction = new RolledBackTransaction();
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        assertThat(transaction.dsl().fetchExists(TEAMS, TEAMS.SLUG.eq(team.value())))
                .isTrue();
        assertThat(committed.fetchExists(TEAMS, TEAMS.SLUG.eq(team.value())))
                .as("not committed while the test runs")
                .isFalse();

        transaction.afterEach(null);

        assertThat(committed.fetchExists(TEAMS, TEAMS.SLUG.eq(team.value()))).isFalse();
    }

    @Test
    void aFailureInASavepointLeavesTheTransactionUsable() throws Exception {
        var transaction = new RolledBackTransaction();
        try {
            assertThatThrownBy(() ->
                            transaction.inSavepoint(() -> transaction.dsl().execute("SELECT 1/0")))
                    .isInstanceOf(DataAccessException.class);

            MigratedDatabase.teamsExist(transaction.dsl(), team);
            assertThat(transaction.dsl().fetchExists(TEAMS, TEAMS.SLUG.eq(team.value())))
                    .isTrue();
        } finally {
            transaction.afterEach(null);
        }
    }
}
