package dev.daap.bootstrap;

import static dev.daap.adapters.postgres.generated.Tables.API_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.access.JooqApiKeys;
import dev.daap.adapters.postgres.audit.JooqAuditLog;
import dev.daap.adapters.postgres.revision.JooqRevisions;
import dev.daap.application.access.BootstrapPlatformAdmin;
import dev.daap.application.access.RevokePlatformKey;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.migrations.Migrator;
import dev.daap.testing.Gate;
import dev.daap.testing.LockWaiters;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestPostgres;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions over all platform admin keys, taken by two callers at the same moment on PostgreSQL: the second waits
 * until the first has committed and then decides on what it did. In each race the first caller is held just before
 * its commit (in its audit entry's write, inside its transaction) until the second is seen waiting.
 */
class PlatformKeyRacesTest {
    private final Clock clock = Clock.systemUTC();
    private final UuidV7Generator ids = new UuidV7Generator(clock);
    private final Gate firstAtCommit = new Gate();
    private DataSource dataSource;
    private DSLContext dsl;
    private JooqTransactions transactions;
    private JooqApiKeys keys;
    private AuditTrail audit;

    @BeforeEach
    void freshDatabase() {
        TestPostgres postgres = TestPostgres.shared();
        dataSource = postgres.dataSource(postgres.createDatabase("platform_key_races"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        transactions = new JooqTransactions(dsl);
        keys = new JooqApiKeys(transactions);
        audit = new AuditTrail(
                new PausingOnce(new JooqAuditLog(transactions), firstAtCommit),
                new JooqRevisions(transactions),
                ids,
                clock);
    }

    @Test
    void twoRevocationsOfTheLastTwoWorkingKeysLeaveOneWorking() throws Exception {
        ApiKey first = platformKey();
        ApiKey second = platformKey();
        keys.add(first);
        keys.add(second);
        var revoke = new RevokePlatformKey(transactions, keys, audit, clock);

        Race<ApiKey> race = race(
                () -> revoke.execute(TestCallers.platformAdmin(), first.id()),
                () -> revoke.execute(TestCallers.platformAdmin(), second.id()));

        assertThat(race.first().revokedAt()).isNotNull();
        assertThat(race.secondFailure()).isInstanceOf(IllegalTransitionException.class);
        assertThat(keys.find(second.id()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void twoInstancesStartingOnANewDatabaseGenerateOneAdminKey() throws Exception {
        var bootstrap = new BootstrapPlatformAdmin(transactions, keys, audit, ids, clock);

        Race<Optional<String>> race =
                race(() -> bootstrap.execute(Optional.empty()), () -> bootstrap.execute(Optional.empty()));

        assertThat(race.first()).isPresent();
        assertThat(race.second())
                .as("the second start finds the first one's key")
                .isEmpty();
        assertThat(dsl.fetchCount(API_KEYS)).isEqualTo(1);
    }

    @Test
    void twoInstancesAdoptingTheSameTokenStoreItOnce() throws Exception {
        String token = ApiToken.generate(new SecureRandom()).value();
        var bootstrap = new BootstrapPlatformAdmin(transactions, keys, audit, ids, clock);

        Race<Optional<String>> race =
                race(() -> bootstrap.execute(Optional.of(token)), () -> bootstrap.execute(Optional.of(token)));

        assertThat(race.first()).isEmpty();
        assertThat(race.second())
                .as("the second start finds the key the first one stored")
                .isEmpty();
        assertThat(dsl.fetchCount(API_KEYS)).isEqualTo(1);
    }

    /** Runs first until it is about to commit, then second; lets first commit once second waits for it. */
    private <T> Race<T> race(Callable<T> first, Callable<T> second) throws Exception {
        try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<T> firstCall = callers.submit(first);
            firstAtCommit.awaitReached();
            Future<T> secondCall = callers.submit(second);
            await("the second call waiting for the first")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> secondCall.isDone() || LockWaiters.advisory(dataSource) == 1);
            assertThat(secondCall.isDone())
                    .as("the second call must wait for the first to commit")
                    .isFalse();
            firstAtCommit.open();
            T firstResult = firstCall.get(10, TimeUnit.SECONDS);
            try {
                return new Race<>(firstResult, secondCall.get(10, TimeUnit.SECONDS), null);
            } catch (ExecutionException e) {
                return new Race<>(firstResult, null, e.getCause());
            }
        }
    }

    private record Race<T>(T first, T second, Throwable secondFailure) {}

    private ApiKey platformKey() {
        return ApiKey.issue(
                ids.newId(),
                null,
                Role.PLATFORM_ADMIN,
                ApiToken.generate(new SecureRandom()),
                "race",
                clock.instant(),
                null);
    }

    /** Holds the first entry's writer at the gate, inside its transaction; later ones pass. */
    private record PausingOnce(AuditLog log, Gate gate, AtomicBoolean paused) implements AuditLog {
        PausingOnce(AuditLog log, Gate gate) {
            this(log, gate, new AtomicBoolean());
        }

        @Override
        public void append(AuditEvent event) {
            log.append(event);
            if (paused.compareAndSet(false, true)) {
                gate.hold();
            }
        }

        @Override
        public Page<AuditEvent> list(AuditQuery query) {
            return log.list(query);
        }
    }
}
