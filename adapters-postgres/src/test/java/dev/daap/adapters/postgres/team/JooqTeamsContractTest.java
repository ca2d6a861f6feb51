package dev.daap.adapters.postgres.team;

import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.domain.team.Teams;
import dev.daap.testing.TeamsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqTeamsContractTest extends TeamsContract {
    private RolledBackTransaction transaction;

    @BeforeEach
    void begin() {
        transaction = new RolledBackTransaction();
    }

    @AfterEach
    void rollBack() throws Exception {
        transaction.close();
    }

    @Override
    protected Teams teams() {
        return new JooqTeams(transaction::dsl);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
