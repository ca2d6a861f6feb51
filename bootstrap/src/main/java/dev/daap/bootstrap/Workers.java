package dev.daap.bootstrap;

import dev.daap.adapters.postgres.job.JobNotifications;
import dev.daap.adapters.postgres.job.JooqJobQueue;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This instance's job workers and the LISTEN connection that wakes them; none when DAAP_WORKERS is 0. */
final class Workers implements AutoCloseable {
    private final WorkerPool pool;
    private final JobNotifications notifications;

    private Workers(WorkerPool pool, JobNotifications notifications) {
        this.pool = pool;
        this.notifications = notifications;
    }

    /** No workers: the schema is not current, so jobs could not be read; the next start runs them. */
    static Workers none() {
        return new Workers(null, null);
    }

    static Workers start(DaapConfig config, Wiring wiring, JdbcTarget metadata) {
        DaapConfig.JobConfig jobs = config.jobs();
        var pool = new WorkerPool(
                wiring.jobRunner(),
                wiring.jobs,
                jobs.workers(),
                jobs.pollInterval(),
                wiring.jobSettings.stuckGrace(),
                config.shutdownTimeout(),
                instanceId());
        pool.start();
        JobNotifications notifications = null;
        if (jobs.workers() > 0) {
            notifications =
                    new JobNotifications(metadata.unpooled(), JooqJobQueue.channelFor(config.schema()), pool::wakeUp);
            notifications.start();
        }
        return new Workers(pool, notifications);
    }

    /** Names the lease owner in the jobs table, so an operator can tell which instance holds what. */
    private static String instanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        if (pool != null) {
            pool.close();
        }
    }
}
