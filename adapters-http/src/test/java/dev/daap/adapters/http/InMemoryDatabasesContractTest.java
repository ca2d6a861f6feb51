package dev.daap.adapters.http;

import dev.daap.domain.database.Databases;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.DatabasesContract;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryTeams;
import java.time.Instant;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryDatabasesContractTest extends DatabasesContract {
    private final InMemoryTeams teams = new InMemoryTeams();
    private final InMemoryDatabases databases = new InMemoryDatabases(teams);

    @Override
    protected Databases databases() {
        return databases;
    }

    @Override
    protected void teamExists(TeamSlug slug) {
        if (teams.find(slug).isEmpty()) {
            teams.add(new Team(slug, slug.value(), Instant.EPOCH));
        }
    }
}
