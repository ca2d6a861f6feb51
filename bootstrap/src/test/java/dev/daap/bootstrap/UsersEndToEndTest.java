package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.application.database.UpdateDatabaseCommand;
import dev.daap.application.user.CreateUserCommand;
import dev.daap.application.user.UserCredentials;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.UserLimitException;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.user.AccessLevel;
import dev.daap.domain.user.Overlap;
import dev.daap.domain.user.UserName;
import dev.daap.domain.user.UserStatus;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingProvisioner;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Users on a real PostgreSQL 17, through the use cases and the workers: what each access level may do, rotation with
 * an overlap while a pool holds connections on the old login, revoke-previous, a worker that dies after the cluster
 * did its part, and two instances taking the same jobs.
 */
class UsersEndToEndTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();
    /** Logins made by enableLogin, counted per login; the provisioner dies after the cluster when told to. */
    private final Map<String, AtomicInteger> enabled = new ConcurrentHashMap<>();

    private final AtomicBoolean dieAfterEnable = new AtomicBoolean();
    /** When positive, the provisioner dies after that many more logins made. */
    private final AtomicInteger dieAtEnable = new AtomicInteger();

    private TestClock clock;
    private DSLContext dsl;
    private DaapConfig config;
    private Wiring wiring;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("users"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        clock = TestClock.at(Instant.now());
        wiring = wiring();
        TestClusters.registerDefault(wiring, postgres);
    }

    private Wiring wiring() {
        return new Wiring(dsl, config, new CredentialCipher(new byte[32]), new Watched(), clock);
    }

    @Test
    void eachLevelMayDoWhatItShouldOnARealCluster() throws Exception {
        Database orders = ready();
        UserCredentials owner =
                wiring.userUseCases().readCredentials().execute(ADMIN, orders.id(), UserName.FIRST_OWNER);
        run(owner, "CREATE TABLE early (id serial PRIMARY KEY, item text)", "INSERT INTO early (item) VALUES ('tea')");
        UserCredentials reader = user(orders, "reporting", AccessLevel.READ_ONLY);
        UserCredentials writer = user(orders, "app", AccessLevel.READ_WRITE);

        assertThat(query(reader, "SELECT item FROM early")).containsExactly("tea");
        for (String sql : List.of(
                "INSERT INTO early (item) VALUES ('x')", "UPDATE early SET item = 'x'", "CREATE TABLE mine (id int)")) {
            assertRefused(reader, sql);
        }
        run(writer, "INSERT INTO early (item) VALUES ('coffee')", "UPDATE early SET item = 'green tea' WHERE id = 1");
        assertRefused(writer, "CREATE TABLE mine (id int)");
        assertRefused(writer, "DROP TABLE early");

        // A table the owner creates after the users exist: no GRANT needed.
        run(owner, "CREATE TABLE later (id bigserial PRIMARY KEY, n int)");
        run(writer, "INSERT INTO later (n) VALUES (7)");
        assertThat(query(reader, "SELECT n::text FROM later")).containsExactly("7");

        Database billing = ready();
        UserCredentials billingOwner =
                wiring.userUseCases().readCredentials().execute(ADMIN, billing.id(), UserName.FIRST_OWNER);
        for (UserCredentials user : List.of(reader, writer, owner)) {
            assertThatThrownBy(() ->
                            connect(billingOwner.current().database(), user).close())
                    .as(user.current().username() + " into another database")
                    .isInstanceOf(SQLException.class)
                    .extracting(error -> ((SQLException) error).getSQLState())
                    .isEqualTo("42501");
        }
    }

    @Test
    void aPoolOnTheOldLoginFailsNoQueryDuringTheOverlapAndIsCutOffAfterIt() throws Exception {
        Database orders = ready();
        UserCredentials before = user(orders, "app", AccessLevel.READ_WRITE);
        UserCredentials owner =
                wiring.userUseCases().readCredentials().execute(ADMIN, orders.id(), UserName.FIRST_OWNER);
        run(owner, "CREATE TABLE hits (n int)");
        try (HikariDataSource pool = pool(before)) {
            var failures = new AtomicInteger();
            var queries = new AtomicInteger();
            var stop = new AtomicBoolean();
            var running = new CountDownLatch(1);
            Thread client = Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try (Connection connection = pool.getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute("INSERT INTO hits VALUES (1)");
                        queries.incrementAndGet();
                    } catch (SQLException e) {
                        failures.incrementAndGet();
                    }
                    running.countDown();
                }
            });
            running.await();

            long started = System.nanoTime();
            UserCredentials after = wiring.userUseCases()
                    .rotate()
                    .execute(ADMIN, orders.id(), new UserName("app"), Overlap.parse("1h"));
            long rotationMs = (System.nanoTime() - started) / 1_000_000;
            runJobs();
            pool.getHikariPoolMXBean().softEvictConnections(); // new logins on the old login, during the window
            int seen = queries.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> queries.get() > seen + 50);
            run(after, "INSERT INTO hits VALUES (2)"); // the new login works at once
            assertThat(failures.get()).as("failed queries during the overlap").isZero();
            assertThat(after.previousLogin()).isEqualTo(before.current().username());
            System.out.printf(
                    "users-e2e: rotation with overlap took %d ms; %d queries on the old login, 0 failed%n",
                    rotationMs, queries.get());

            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(wiring.endExpiredOverlaps().execute()).isEqualTo(1);
            runJobs();

            assertThatThrownBy(
                            () -> connect(before.current().database(), before).close())
                    .as("the old login is refused")
                    .isInstanceOf(SQLException.class);
            assertThat(sessionsOf(before.current().username()))
                    .as("its sessions are gone")
                    .isZero();
            stop.set(true);
            client.join();
        }
    }

    @Test
    void revokePreviousEndsTheOverlapAtOnce() throws Exception {
        Database orders = ready();
        UserCredentials before = user(orders, "app", AccessLevel.READ_ONLY);
        wiring.userUseCases().rotate().execute(ADMIN, orders.id(), new UserName("app"), Overlap.parse("2h"));
        runJobs();
        try (Connection stillOpen = connect(before.current().database(), before)) {
            assertThat(stillOpen.isValid(2)).isTrue();

            wiring.userUseCases().revokePrevious().execute(ADMIN, orders.id(), new UserName("app"));
            runJobs();

            assertThat(stillOpen.isValid(2)).as("its session was ended").isFalse();
        }
        assertThatThrownBy(() -> connect(before.current().database(), before).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aWorkerThatDiesAfterMakingTheLoginLeavesAJobThatConverges() throws Exception {
        Database orders = ready();
        UserCredentials created = wiring.userUseCases()
                .create()
                .execute(ADMIN, orders.id(), CreateUserCommand.of("reporting", "read_only"));
        dieAfterEnable.set(true);
        assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies")).isInstanceOf(WorkerDied.class);
        dieAfterEnable.set(false);
        assertThat(wiring.jobRunner().runNext("other"))
                .as("its lease still holds")
                .isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(wiring.jobRunner().runNext("other")).isTrue();

        assertThat(wiring.users
                        .find(orders.id(), new UserName("reporting"))
                        .orElseThrow()
                        .status())
                .isEqualTo(UserStatus.READY);
        try (Connection connection = connect(created.current().database(), created)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void aRotationWhoseRequestDiesAfterTheClusterKeepsTheOldCredentials() throws Exception {
        Database orders = ready();
        UserCredentials before = user(orders, "app", AccessLevel.READ_WRITE);
        dieAfterEnable.set(true);

        assertThatThrownBy(() ->
                        wiring.userUseCases().rotate().execute(ADMIN, orders.id(), new UserName("app"), Overlap.NONE))
                .isInstanceOf(WorkerDied.class);
        dieAfterEnable.set(false);

        UserCredentials stored =
                wiring.userUseCases().readCredentials().execute(ADMIN, orders.id(), new UserName("app"));
        assertThat(stored.current().username()).isEqualTo(before.current().username());
        assertThat(stored.password()).isEqualTo(before.password());
        try (Connection connection = connect(before.current().database(), before)) {
            assertThat(connection.isValid(2))
                    .as("the old credentials still work")
                    .isTrue();
        }
        UserCredentials after =
                wiring.userUseCases().rotate().execute(ADMIN, orders.id(), new UserName("app"), Overlap.NONE);
        runJobs();
        try (Connection connection = connect(after.current().database(), after)) {
            assertThat(connection.isValid(2)).isTrue();
        }
        assertThatThrownBy(() -> connect(before.current().database(), before).close())
                .as("no overlap: the old login stops at once")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aMoveToAnotherTeamRotatesEveryUserOnceEvenThroughACrash() throws Exception {
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('ledger', 'Ledger')");
        Database orders = ready();
        UserCredentials owner =
                wiring.userUseCases().readCredentials().execute(ADMIN, orders.id(), UserName.FIRST_OWNER);
        UserCredentials reader = user(orders, "reporting", AccessLevel.READ_ONLY);
        UserCredentials writer = user(orders, "app", AccessLevel.READ_WRITE);
        enabled.clear();
        clock.advance(Duration.ofSeconds(1));

        wiring.databaseUseCases()
                .update()
                .execute(
                        ADMIN,
                        new UpdateDatabaseCommand(
                                orders.id(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(new TeamSlug("ledger")),
                                VersionPrecondition.ANY));
        // The worker dies after the second user's new login is made, before its record (the first user's rotation
        // committed): taken again, the job rotates the second and third only.
        dieAtEnable.set(2);
        assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies")).isInstanceOf(WorkerDied.class);
        clock.advance(Duration.ofSeconds(31));
        runJobs();

        for (UserCredentials before : List.of(owner, reader, writer)) {
            String name = before.user().name().value();
            assertThatThrownBy(
                            () -> connect(before.current().database(), before).close())
                    .as(name + ": the previous team's password stops working")
                    .isInstanceOf(SQLException.class);
            UserCredentials after = wiring.userUseCases()
                    .readCredentials()
                    .execute(ADMIN, orders.id(), before.user().name());
            assertThat(after.password()).as(name).isNotEqualTo(before.password());
            assertThat(after.previousLogin()).as(name + ": no overlap").isNull();
            try (Connection connection = connect(after.current().database(), after)) {
                assertThat(connection.isValid(2)).as(name).isTrue();
            }
        }
        // Three users, one new login each, and the login the crash made made again (its password was never kept):
        // the first user, rotated before the crash, was passed over when the job was taken again.
        assertThat(enabled.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(4);
        assertThat(enabled.values())
                .extracting(AtomicInteger::get)
                .containsOnly(1, 2)
                .hasSize(3);
    }

    @Test
    void twoCreatesRacingForTheLastPlaceGetItOnce() throws Exception {
        config = DaapConfig.fromEnvironment(Map.of("DAAP_USERS_PER_DATABASE", "2"));
        wiring = wiring();
        Database orders = ready();
        var start = new CountDownLatch(1);
        List<Thread> creates = new ArrayList<>();
        var created = new AtomicInteger();
        var refused = new ConcurrentHashMap<String, String>();
        for (String name : List.of("app", "reporting")) {
            creates.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    wiring.userUseCases().create().execute(ADMIN, orders.id(), CreateUserCommand.of(name, "read_only"));
                    created.incrementAndGet();
                } catch (UserLimitException e) {
                    refused.put(name, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread create : creates) {
            create.join();
        }
        assertThat(created).hasValue(1);
        assertThat(refused).hasSize(1);
        assertThat(wiring.users.liveOf(orders.id())).hasSize(2);
    }

    @Test
    void twoInstancesMakeEachLoginOnce() throws Exception {
        Database orders = ready();
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            logins.add(wiring.userUseCases()
                    .create()
                    .execute(ADMIN, orders.id(), CreateUserCommand.of("user-" + i, "read_only"))
                    .current()
                    .username());
        }
        Wiring other = wiring();
        var start = new CountDownLatch(1);
        List<Thread> instances = new ArrayList<>();
        for (Wiring instance : List.of(wiring, other)) {
            instances.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                while (instance.jobRunner().runNext("instance-" + System.identityHashCode(instance))) {
                    // every due job, racing the other instance
                }
            }));
        }
        start.countDown();
        for (Thread instance : instances) {
            instance.join();
        }
        for (String login : logins) {
            assertThat(enabled.get(login)).as(login).hasValue(1);
        }
        assertThat(wiring.users.liveOf(orders.id()))
                .extracting(user -> user.status())
                .containsOnly(UserStatus.READY);
    }

    private Database ready() {
        Database created = wiring.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of("u" + Long.toHexString(System.nanoTime()), "platform", "users", null));
        runJobs();
        Database ready = wiring.getDatabase().execute(ADMIN.principal(), created.id());
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        return ready;
    }

    private UserCredentials user(Database database, String name, AccessLevel access) {
        UserCredentials created = wiring.userUseCases()
                .create()
                .execute(ADMIN, database.id(), CreateUserCommand.of(name, access.wireName()));
        runJobs();
        return created;
    }

    private void runJobs() {
        while (wiring.jobRunner().runNext("worker")) {
            // every due job, one after the other
        }
    }

    private HikariDataSource pool(UserCredentials user) {
        var pool = new HikariConfig();
        pool.setJdbcUrl(postgres.jdbcUrl(user.current().database()));
        pool.setUsername(user.current().username());
        pool.setPassword(user.password());
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(4);
        pool.setConnectionTimeout(5_000);
        return new HikariDataSource(pool);
    }

    private Connection connect(String database, UserCredentials user) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user.current().username());
        properties.setProperty("password", user.password());
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
    }

    private void run(UserCredentials user, String... statements) throws SQLException {
        try (Connection connection = connect(user.current().database(), user);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> query(UserCredentials user, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(user.current().database(), user);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void assertRefused(UserCredentials user, String sql) {
        assertThatThrownBy(() -> run(user, sql))
                .as(user.current().username() + ": " + sql)
                .isInstanceOf(SQLException.class)
                .extracting(error -> ((SQLException) error).getSQLState())
                .isEqualTo("42501");
    }

    private long sessionsOf(String login) throws SQLException {
        try (Connection admin = postgres.dataSource("postgres").getConnection();
                var statement = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE usename = ?")) {
            statement.setString(1, login);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The worker "dies": an Error that no handler catches. */
    static final class WorkerDied extends Error {
        WorkerDied() {
            super("simulated crash after the cluster, before the record");
        }
    }

    /** The real provisioners, counting the logins made and dying after one when told to. */
    private final class Watched implements Provisioners {
        private final PostgresProvisioners real = new PostgresProvisioners(UnaryOperator.identity());

        @Override
        public Provisioner forCluster(ClusterTarget target) {
            return new ForwardingProvisioner(real.forCluster(target)) {
                @Override
                public void enableLogin(
                        DatabaseId id, NameOnCluster database, String login, AccessLevel level, String password) {
                    delegate.enableLogin(id, database, login, level, password);
                    enabled.computeIfAbsent(login, key -> new AtomicInteger()).incrementAndGet();
                    if (dieAfterEnable.get() || (dieAtEnable.get() > 0 && dieAtEnable.decrementAndGet() == 0)) {
                        throw new WorkerDied();
                    }
                }
            };
        }
    }
}
