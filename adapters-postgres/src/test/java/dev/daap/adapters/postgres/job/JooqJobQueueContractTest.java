package dev.daap.adapters.postgres.job;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Labels;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.JobQueueContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqJobQueueContractTest extends JobQueueContract {
    private final TeamSlug team =
            new TeamSlug("jobs-" + UUID.randomUUID().toString().substring(0, 8));
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
    protected JobQueue jobs() {
        return new JooqJobQueue(transaction::dsl, clock, JooqJobQueue.channelFor("daap"));
    }

    @Override
    protected void addDatabase(DatabaseId id) {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        new JooqDatabases(transaction::dsl)
                .add(Database.requested(
                        id,
                        new DatabaseName("job-" + id.value().toString().substring(0, 8)),
                        team,
                        new Purpose("job queue contract"),
                        Labels.NONE,
                        Instant.now()));
    }

    @Override
    protected void addCluster(ClusterId id) {
        MigratedDatabase.clustersExist(
                transaction.dsl(),
                new ClusterRef(
                        id, new ClusterName("jobs-" + id.value().toString().substring(0, 8))));
    }
}
