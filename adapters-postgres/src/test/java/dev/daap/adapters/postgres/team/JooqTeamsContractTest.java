package dev.daap.adapters.postgres.team;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.team.Teams;
import dev.daap.testing.TeamsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqTeamsContractTest extends TeamsContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Teams teams() {
        return new JooqTeams(transaction::dsl);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
