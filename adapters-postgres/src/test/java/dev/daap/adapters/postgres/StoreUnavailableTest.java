package dev.daap.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.adapters.postgres.team.JooqTeams;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.domain.team.TeamSlug;
import java.net.ServerSocket;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Whatever DAAP was doing when its metadata database went out of reach, it fails as the domain's
 * {@link StoreUnavailableException} (a 503), without a wrapper at each call: a jOOQ statement, a hot statement, and
 * beginning or committing a transaction, whether the pool could not get a connection or the one in use was killed.
 */
class StoreUnavailableTest {
    private static final TeamSlug TEAM = new TeamSlug("store-unavailable");
    private static final DatabaseId SOME_DATABASE = new DatabaseId(UUID.randomUUID());

    @Test
    void aPoolThatCannotReachTheDatabaseFailsEveryKindOfCallAsUnavailable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var settings = new PoolSettings(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/daap",
                "daap",
                "unused",
                1,
                0,
                Duration.ofMinutes(30),
                Duration.ofMinutes(10),
                Map.of());
        try (var pool = PostgresPool.create(settings, "unreachable")) {
            var transactions = new JooqTransactions(JooqFactory.create(pool, MigratedDatabase.SCHEMA));
            var teams = new JooqTeams(transactions);
            var databases = new JooqDatabases(transactions);

            assertUnavailableAfterThePoolGaveUp(() -> teams.find(TEAM)); // a jOOQ statement
            assertUnavailableAfterThePoolGaveUp(() -> databases.find(SOME_DATABASE)); // a hot statement
            assertUnavailableAfterThePoolGaveUp(() -> transactions.inTransaction(() -> teams.find(TEAM)));
        }
    }

    @Test
    void aConnectionKilledInTheMiddleOfATransactionFailsItsNextStatementAsUnavailable() {
        var transactions =
                new JooqTransactions(JooqFactory.create(MigratedDatabase.dataSource(), MigratedDatabase.SCHEMA));
        var teams = new JooqTeams(transactions);
        var databases = new JooqDatabases(transactions);

        assertThat(failureAfterTheConnectionWasKilled(transactions, () -> teams.find(TEAM))) // a jOOQ statement
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(failureAfterTheConnectionWasKilled(transactions, () -> databases.find(SOME_DATABASE))) // hot
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aConnectionKilledAfterTheLastStatementFailsTheCommitAsUnavailable() {
        var transactions =
                new JooqTransactions(JooqFactory.create(MigratedDatabase.dataSource(), MigratedDatabase.SCHEMA));
        var teams = new JooqTeams(transactions);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    teams.find(TEAM);
                    killTheConnectionOf(transactions.dsl());
                    return null;
                }))
                .isInstanceOf(StoreUnavailableException.class);
    }

    /**
     * How {@code call} fails, inside a transaction, once the transaction's connection has been killed: at the call
     * itself, not only when the transaction ends (which fails as unavailable too).
     */
    private static Throwable failureAfterTheConnectionWasKilled(JooqTransactions transactions, Supplier<?> call) {
        AtomicReference<Throwable> atTheCall = new AtomicReference<>();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    killTheConnectionOf(transactions.dsl());
                    atTheCall.set(catchThrowable(call::get));
                    return null;
                }))
                .isInstanceOf(StoreUnavailableException.class);
        return atTheCall.get();
    }

    private static void assertUnavailableAfterThePoolGaveUp(Supplier<?> call) {
        assertThatThrownBy(call::get)
                .isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(SQLTransientConnectionException.class::isInstance));
    }

    /** Ends the backend behind {@code dsl}'s connection from another connection, and waits until it is gone. */
    private static void killTheConnectionOf(DSLContext dsl) {
        int pid = dsl.fetchSingle("select pg_backend_pid()").get(0, Integer.class);
        DSLContext other = DSL.using(MigratedDatabase.dataSource(), SQLDialect.POSTGRES);
        assertThat(other.fetchSingle("select pg_terminate_backend(?)", pid).get(0, Boolean.class))
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> other.fetchCount(
                                DSL.table("pg_stat_activity"), DSL.field("pid").eq(pid))
                        == 0);
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = error; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
