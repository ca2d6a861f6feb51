package dev.daap.adapters.postgres.revision;

import static dev.daap.testing.DatabaseBuilder.aDatabase;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.revision.Revisions;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.RevisionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqRevisionsContractTest extends RevisionsContract {
    private static final TeamSlug TEAM = new TeamSlug("revisions-contract");

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Revisions revisions() {
        return new JooqRevisions(transaction::dsl);
    }

    @Override
    protected void databaseExists(DatabaseId database) {
        MigratedDatabase.teamsExist(transaction.dsl(), TEAM);
        new JooqDatabases(transaction::dsl)
                .add(aDatabase()
                        .withId(database)
                        .named("db-" + database.value().toString().substring(0, 8))
                        .ownedBy(TEAM)
                        .build());
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
