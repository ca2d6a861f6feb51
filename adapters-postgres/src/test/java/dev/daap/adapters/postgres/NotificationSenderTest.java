package dev.daap.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notifications handed over after commits all reach a listener, in order, many per statement. */
class NotificationSenderTest {
    /** One channel per test: the tests run in parallel, and each counts every payload it receives. */
    private static final String IN_ORDER = "notification_sender_in_order";

    private static final String MANY_THREADS = "notification_sender_many_threads";
    private static DataSource dataSource;
    private static DSLContext dsl;

    @BeforeAll
    static void connect() {
        TestPostgres postgres = TestPostgres.shared();
        dataSource = postgres.dataSource(postgres.createDatabase("notification_sender"));
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
    }

    @Test
    void whatWaitsWhileOneDrainIsPendingGoesOutInOneStatementInOrder() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        DSLContext counting = DSL.using(dsl.configuration()
                .deriveAppending(ExecuteListener.onExecuteStart(context -> statements.incrementAndGet())));
        List<Runnable> tasks = new ArrayList<>();
        var sender = new NotificationSender(counting, tasks::add);

        try (Connection listener = listen(IN_ORDER)) {
            sender.send(List.of(NotificationSender.notification(IN_ORDER, "a")));
            sender.send(List.of(
                    NotificationSender.notification(IN_ORDER, "b"), NotificationSender.notification(IN_ORDER, "c")));
            sender.send(List.of(NotificationSender.notification(IN_ORDER, "d")));
            assertThat(tasks)
                    .as("one drain for everything handed over before it ran")
                    .hasSize(1);

            tasks.getFirst().run();

            assertThat(statements).hasValue(1);
            assertThat(receive(listener, 4)).containsExactly("a", "b", "c", "d");
            sender.send(List.of(NotificationSender.notification(IN_ORDER, "e")));
            assertThat(tasks)
                    .as("a drain that has finished lets the next hand-over start another")
                    .hasSize(2);
        }
    }

    @Test
    void everyNotificationArrivesWhenManyThreadsHandThemOverAtOnce() throws Exception {
        int threads = 8;
        int each = 250;
        var sender = new NotificationSender(dsl);
        try (Connection listener = listen(MANY_THREADS);
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = IntStream.range(0, threads)
                    .<Future<?>>mapToObj(thread -> pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            sender.send(List.of(NotificationSender.notification(MANY_THREADS, thread + "-" + i)));
                        }
                    }))
                    .toList();
            for (Future<?> future : done) {
                future.get();
            }

            List<String> received = receive(listener, threads * each);

            assertThat(received).doesNotHaveDuplicates().hasSize(threads * each);
            // Each thread's own notifications keep their order.
            for (int thread = 0; thread < threads; thread++) {
                String prefix = thread + "-";
                assertThat(received.stream().filter(p -> p.startsWith(prefix)).toList())
                        .containsExactlyElementsOf(IntStream.range(0, each)
                                .mapToObj(i -> prefix + i)
                                .toList());
            }
        }
    }

    private static Connection listen(String channel) throws Exception {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
        return connection;
    }

    private static List<String> receive(Connection listener, int count) throws Exception {
        return ReceivedNotifications.until(listener, received -> received.size() >= count);
    }
}
