package dev.daap.adapters.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.testing.Gate;
import dev.daap.testing.LockWaiters;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform keys' lock holds until the transaction that took it ends, on a database of its own. */
class PlatformKeysLockTest {
    private static DataSource dataSource;
    private static DSLContext dsl;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabase.ofItsOwn("platform_keys_lock");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
    }

    @Test
    void aSecondTransactionWaitsForTheFirstToEnd() throws Exception {
        var transactions = new JooqTransactions(dsl);
        var keys = new JooqApiKeys(transactions);
        var firstHolds = new Gate();

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
                keys.lockPlatformKeys();
                firstHolds.hold();
                return null;
            }));
            firstHolds.awaitReached();
            Future<?> second = threads.submit(() -> transactions.inTransaction(() -> {
                keys.lockPlatformKeys();
                return null;
            }));

            await("the second transaction waiting for the advisory lock")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> second.isDone() || LockWaiters.advisory(dataSource) == 1);
            assertThat(second.isDone())
                    .as("the second lock must wait while the first transaction runs")
                    .isFalse();
            firstHolds.open();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        }
        assertThat(LockWaiters.advisory(dataSource)).isZero();
    }
}
