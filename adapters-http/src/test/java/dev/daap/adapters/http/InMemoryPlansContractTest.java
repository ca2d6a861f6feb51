package dev.daap.adapters.http;

import dev.daap.domain.database.Databases;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryPlans;
import dev.daap.testing.InMemoryTeams;
import dev.daap.testing.PlansContract;
import java.time.Instant;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryPlansContractTest extends PlansContract {
    private final InMemoryTeams teams = new InMemoryTeams();
    private final InMemoryDatabases databases = new InMemoryDatabases(teams);
    private final InMemoryPlans plans = InMemoryPlans.withDefaultCatalog(databases::rows, Instant.EPOCH);

    @Override
    protected Plans plans() {
        return plans;
    }

    @Override
    protected Databases databases() {
        return databases;
    }

    @Override
    protected void teamExists(TeamSlug slug) {
        teams.add(new Team(slug, slug.value(), Instant.EPOCH));
    }
}
