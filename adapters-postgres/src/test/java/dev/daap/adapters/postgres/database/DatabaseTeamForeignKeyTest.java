package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.TEAMS;
import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.database.Database;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.TeamSlug;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only PostgreSQL enforces, not the in-memory fake: a database belongs to a team that exists, and a team with
 * databases stays (the use cases check the team first; the key is the backstop).
 */
class DatabaseTeamForeignKeyTest {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final JooqDatabases databases = new JooqDatabases(transaction::dsl);
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @Test
    void aDatabaseOfATeamThatDoesNotExistIsRefused() {
        Database orphan = aDatabase().ownedBy(new TeamSlug("ghost-" + run)).build();

        assertThatThrownBy(() -> transaction.inSavepoint(() -> databases.add(orphan)))
                .isInstanceOf(TeamNotFoundException.class) // the foreign key's refusal, in the domain's words
                .hasMessageContaining("ghost-" + run);
        assertThat(databases.find(orphan.id())).isEmpty();
    }

    @Test
    void aDatabaseOfAnExistingTeamIsStored() {
        TeamSlug team = new TeamSlug("real-" + run);
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        Database database = aDatabase().ownedBy(team).build();

        databases.add(database);

        assertThat(databases.find(database.id())).contains(database);
    }

    @Test
    void aTeamThatOwnsDatabasesCannotBeRemovedOrRenamed() {
        TeamSlug team = new TeamSlug("owner-" + run);
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        databases.add(aDatabase().ownedBy(team).build());

        assertThatThrownBy(() -> transaction.inSavepoint(() -> transaction
                        .dsl()
                        .deleteFrom(TEAMS)
                        .where(TEAMS.SLUG.eq(team.value()))
                        .execute()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("databases_owner_team_fkey");
        assertThatThrownBy(() -> transaction.inSavepoint(() -> transaction
                        .dsl()
                        .update(TEAMS)
                        .set(TEAMS.SLUG, "renamed-" + run)
                        .where(TEAMS.SLUG.eq(team.value()))
                        .execute()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("databases_owner_team_fkey");
    }
}
