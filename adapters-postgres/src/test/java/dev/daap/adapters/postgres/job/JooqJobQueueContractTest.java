package dev.daap.adapters.postgres.job;

import static dev.daap.testing.DatabaseBuilder.aDatabase;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.JobQueueContract;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqJobQueueContractTest extends JobQueueContract {
    private final TeamSlug team =
            new TeamSlug("jobs-" + UUID.randomUUID().toString().substring(0, 8));

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected JobQueue jobs() {
        return new JooqJobQueue(transaction::dsl, clock, JooqJobQueue.channelFor("daap"));
    }

    @Override
    protected void addDatabase(DatabaseId id) {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        new JooqDatabases(transaction::dsl)
                .add(aDatabase().withId(id).ownedBy(team).build());
    }

    @Override
    protected void addCluster(ClusterId id) {
        MigratedDatabase.clustersExist(
                transaction.dsl(),
                new ClusterRef(
                        id, new ClusterName("jobs-" + id.value().toString().substring(0, 8))));
    }
}
