package dev.daap.adapters.postgres.plan;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.Databases;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.PlansContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqPlansContractTest extends PlansContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Plans plans() {
        return new JooqPlans(transaction::dsl);
    }

    @Override
    protected Databases databases() {
        return new JooqDatabases(transaction::dsl);
    }

    @Override
    protected void teamExists(TeamSlug slug) {
        MigratedDatabase.teamsExist(transaction.dsl(), slug);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
