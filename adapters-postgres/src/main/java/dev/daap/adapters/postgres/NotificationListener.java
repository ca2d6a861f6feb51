package dev.daap.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN}s on one channel on a connection of its own, outside the pool (a LISTEN session would take a
 * connection away from requests for good), and reacts on its own thread. A lost connection is reopened with
 * backoff; notifications sent while it was gone are lost, so every (re)connect is reported as
 * {@link Reactions#connected()}, and the reaction reads what it needs from the tables, which are the truth.
 */
public final class NotificationListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the listener does; called on its thread, one call at a time. */
    public interface Reactions {
        /** Listening (again): whatever was notified before now is not going to arrive. */
        void connected();

        /** One or more notifications arrived; their payloads in the order sent. */
        void notified(List<String> payloads);

        /** {@code wait} passed without a notification. */
        default void idle() {}
    }

    private final DataSource dataSource;
    private final String channel;
    private final Duration wait;
    private final Reactions reactions;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    /**
     * @param dataSource gives connections outside the pool
     * @param name       names the thread, for thread dumps and logs
     * @param wait       how long to wait for a notification before {@link Reactions#idle()}
     */
    public NotificationListener(
            DataSource dataSource, String channel, String name, Duration wait, Reactions reactions) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.wait = wait;
        this.reactions = reactions;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::listen);
    }

    public void start() {
        thread.start();
    }

    private void listen() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection listening = dataSource.getConnection();
                    Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + DSL.using(SQLDialect.POSTGRES).render(DSL.quotedName(channel)));
                backoff = FIRST_BACKOFF;
                react(reactions::connected);
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(Math.toIntExact(wait.toMillis()));
                    if (notifications != null && notifications.length > 0) {
                        List<String> payloads = Arrays.stream(notifications)
                                .map(PGNotification::getParameter)
                                .toList();
                        react(() -> reactions.notified(payloads));
                    } else {
                        react(reactions::idle);
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn(
                        "Listener on {} lost its connection ({}); reconnecting in {} ms",
                        channel,
                        e.getMessage(),
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** A reaction that throws is a bug in it; the listener must keep listening for everyone else's sake. */
    private void react(Runnable reaction) {
        try {
            reaction.run();
        } catch (RuntimeException e) {
            log.error("A reaction to a notification on {} failed", channel, e);
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
                log.debug("closing the listener's connection on {}", channel, e);
            }
        }
        thread.interrupt();
    }
}
