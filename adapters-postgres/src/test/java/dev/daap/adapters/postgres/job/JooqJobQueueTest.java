package dev.daap.adapters.postgres.job;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.ReceivedNotifications;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.team.TeamSlug;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What only a real PostgreSQL can show: SKIP LOCKED under concurrency, and NOTIFY delivered at commit. */
class JooqJobQueueTest {
    private static final String CHANNEL = JooqJobQueue.channelFor("daap");
    private static final TeamSlug TEAM = new TeamSlug("queue-test");
    /** One test kills the LISTEN connections of this test database; the other must not be listening then. */
    private static final String LISTENERS = "job-queue-listeners";

    private static DataSource dataSource;
    private static DSLContext dsl;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabase.ofItsOwn("job_queue");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        MigratedDatabase.teamsExist(dsl, TEAM);
    }

    @Test
    void concurrentWorkersClaimEveryJobExactlyOnce() throws Exception {
        var transactions = new JooqTransactions(dsl);
        var queue = new JooqJobQueue(transactions, Clock.systemUTC(), CHANNEL);
        Set<UUID> enqueued = new HashSet<>();
        transactions.inTransaction(() -> {
            for (int i = 0; i < 200; i++) {
                DatabaseId database = addDatabase(transactions);
                Job job = Job.schedule(
                        UUID.randomUUID(),
                        JobKind.PROVISION,
                        database,
                        3,
                        Instant.now().minusSeconds(1));
                queue.enqueue(job);
                enqueued.add(job.id());
            }
            return null;
        });

        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String owner = "worker-" + w;
            done.add(workers.submit(() -> {
                start.await();
                List<Job> batch;
                while (!(batch = queue.claim(owner, Duration.ofMinutes(1), 5)).isEmpty()) {
                    batch.forEach(job -> claimed.add(job.id()));
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        workers.shutdown();

        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).containsAll(enqueued);
    }

    @Test
    @ResourceLock(LISTENERS)
    void theNotificationCarriesTheJobIdAndIsSentOnlyOnCommit() throws Exception {
        var transactions = new JooqTransactions(dsl);
        var queue = new JooqJobQueue(transactions, Clock.systemUTC(), CHANNEL);
        try (Connection listener = dataSource.getConnection();
                Statement statement = listener.createStatement()) {
            statement.execute("LISTEN \"" + CHANNEL + "\"");
            Job rolledBack =
                    Job.schedule(UUID.randomUUID(), JobKind.PROVISION, addDatabase(transactions), 3, Instant.now());
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                        queue.enqueue(rolledBack);
                        throw new IllegalStateException("roll back");
                    }))
                    .hasMessage("roll back");
            Job committed =
                    Job.schedule(UUID.randomUUID(), JobKind.PROVISION, addDatabase(transactions), 3, Instant.now());
            transactions.inTransaction(() -> {
                queue.enqueue(committed);
                return null;
            });

            List<String> payloads = ReceivedNotifications.until(
                    listener, received -> received.contains(committed.id().toString()));
            assertThat(payloads).doesNotContain(rolledBack.id().toString());
        }
    }

    @Test
    @ResourceLock(LISTENERS)
    void theListenerWakesOnEnqueueAndAfterItsConnectionIsKilled() throws Exception {
        var transactions = new JooqTransactions(dsl);
        var queue = new JooqJobQueue(transactions, Clock.systemUTC(), CHANNEL);
        AtomicInteger wakeUps = new AtomicInteger();
        Object signal = new Object();
        try (var notifications = new JobNotifications(dataSource, CHANNEL, () -> {
            wakeUps.incrementAndGet();
            synchronized (signal) {
                signal.notifyAll();
            }
        })) {
            notifications.start();
            awaitWakeUps(wakeUps, signal, 1); // the catch-up wake-up after connecting
            transactions.inTransaction(() -> {
                queue.enqueue(Job.schedule(
                        UUID.randomUUID(), JobKind.PROVISION, addDatabase(transactions), 3, Instant.now()));
                return null;
            });
            awaitWakeUps(wakeUps, signal, 2);

            // Only this database's listeners, and the other LISTEN test of this class is locked out meanwhile.
            dsl.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND query LIKE 'LISTEN%'");
            awaitWakeUps(wakeUps, signal, 3); // reconnected, and caught up again
        }
    }

    private static void awaitWakeUps(AtomicInteger wakeUps, Object signal, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (signal) {
            while (wakeUps.get() < atLeast) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("wake-up number " + atLeast).isPositive();
                signal.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    private static DatabaseId addDatabase(JooqTransactions transactions) {
        Database database = aDatabase().ownedBy(TEAM).build();
        new JooqDatabases(transactions).add(database);
        return database.id();
    }
}
