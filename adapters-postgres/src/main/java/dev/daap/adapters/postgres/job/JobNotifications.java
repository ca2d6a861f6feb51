package dev.daap.adapters.postgres.job;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Listens for "a job was enqueued" on its own connection (outside the pool, which would take LISTEN sessions
 * away from requests) and calls {@code wakeUp} for each. A lost connection is reopened with backoff; after each
 * (re)connect it wakes the workers once, since notifications sent meanwhile are gone: the workers' poll then
 * finds the jobs in the table, so a lost notification only delays a job, never loses it.
 */
public final class JobNotifications implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobNotifications.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private final DataSource dataSource;
    private final String channel;
    private final Runnable wakeUp;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    public JobNotifications(DataSource dataSource, String channel, Runnable wakeUp) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.wakeUp = wakeUp;
        this.thread = Thread.ofPlatform().daemon().name("daap-job-listener").unstarted(this::listen);
    }

    public void start() {
        thread.start();
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try (Connection listening = dataSource.getConnection(); Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + DSL.using(SQLDialect.POSTGRES).render(DSL.quotedName(channel)));
                backoff = Duration.ofMillis(250);
                wakeUp.run(); // catch up on what was enqueued while we were not listening
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null && notifications.length > 0) {
                        wakeUp.run();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Job listener lost its connection ({}); reconnecting in {} ms", e.getMessage(),
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // ends a getNotifications wait at once
            } catch (SQLException e) {
                log.debug("closing the job listener's connection", e);
            }
        }
        thread.interrupt();
    }
}
