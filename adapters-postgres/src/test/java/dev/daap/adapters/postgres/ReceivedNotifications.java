package dev.daap.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Reads the payloads a LISTEN connection receives, for the tests of what sends them. */
public final class ReceivedNotifications {
    private ReceivedNotifications() {}

    /**
     * The payloads received, in order, until {@code enough} holds for them; fails when 10 s pass without any. Other
     * tests may notify on the same channel, so callers wait for theirs among the others.
     */
    public static List<String> until(Connection listener, Predicate<List<String>> enough) throws SQLException {
        List<String> payloads = new ArrayList<>();
        PGConnection pg = listener.unwrap(PGConnection.class);
        while (!enough.test(payloads)) {
            PGNotification[] received = pg.getNotifications(10_000);
            assertThat(received)
                    .as("a notification within 10 s (%d so far)", payloads.size())
                    .isNotEmpty();
            for (PGNotification notification : received) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }
}
