package dev.daap.adapters.postgres.user;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.adapters.postgres.job.JooqJobQueue;
import dev.daap.domain.database.Database;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.testing.DatabaseUsersContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL 17, with the database rows they refer to. */
class JooqDatabaseUsersContractTest extends DatabaseUsersContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected DatabaseUsers users() {
        return new JooqDatabaseUsers(transaction::dsl, new CredentialCipher(new byte[32]));
    }

    @Override
    protected JobQueue jobs() {
        return new JooqJobQueue(transaction::dsl, Clock.systemUTC(), JooqJobQueue.channelFor("daap"));
    }

    @Override
    protected void databaseExists(Database database) {
        MigratedDatabase.teamsExist(transaction.dsl(), database.ownerTeam());
        MigratedDatabase.clustersExist(transaction.dsl(), database.cluster());
        new JooqDatabases(transaction::dsl).add(database);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
