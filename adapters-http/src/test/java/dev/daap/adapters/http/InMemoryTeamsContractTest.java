package dev.daap.adapters.http;

import dev.daap.domain.team.Teams;
import dev.daap.testing.InMemoryTeams;
import dev.daap.testing.TeamsContract;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryTeamsContractTest extends TeamsContract {
    private final InMemoryTeams teams = new InMemoryTeams();

    @Override
    protected Teams teams() {
        return teams;
    }
}
