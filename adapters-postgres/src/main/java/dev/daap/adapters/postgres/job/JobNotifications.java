package dev.daap.adapters.postgres.job;

import dev.daap.adapters.postgres.NotificationListener;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wakes the workers when a job is enqueued, through a {@link NotificationListener} on its own connection. After
 * each (re)connect it wakes them once, since notifications sent meanwhile are gone: the workers' poll then finds
 * the jobs in the table, so a lost notification only delays a job, never loses it.
 */
public final class JobNotifications implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final NotificationListener listener;

    public JobNotifications(DataSource dataSource, String channel, Runnable wakeUp) {
        this.listener = new NotificationListener(
                dataSource, channel, "daap-job-listener", WAIT, new NotificationListener.Reactions() {
                    @Override
                    public void connected() {
                        wakeUp.run(); // catch up on what was enqueued while we were not listening
                    }

                    @Override
                    public void notified(List<String> payloads) {
                        wakeUp.run();
                    }
                });
    }

    public void start() {
        listener.start();
    }

    @Override
    public void close() {
        listener.close();
    }
}
