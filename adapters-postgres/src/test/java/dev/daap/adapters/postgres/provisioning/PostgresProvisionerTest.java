package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.identifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Against the shared PostgreSQL 17 as the target cluster. Roles and databases are cluster-wide and cannot be rolled
 * back, so every test uses names of its own and removes them afterwards; that keeps the tests safe in parallel.
 */
class PostgresProvisionerTest {
    private static final TestPostgres postgres = TestPostgres.shared();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DataSource superuser = postgres.dataSource("postgres");
    private final PostgresProvisioner provisioner =
            new PostgresProvisioner(superuser, postgres.host(), postgres.port());
    private final List<String> names = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestLeft() throws SQLException {
        for (String name : names.reversed()) {
            execute("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
        }
        // Reversed: a role created by a test's admin role must go before that admin role.
        for (String name : names.reversed()) {
            execute("DROP ROLE IF EXISTS " + identifier(name));
        }
    }

    @Test
    void provisionsADatabaseThatItsRoleCanUseEvenWithAHyphenatedName() throws SQLException {
        String name = uniqueName("orders-eu");
        DatabaseId id = newId();
        String password = newPassword();

        ConnectionDetails details = provisioner.provision(id, new NameOnCluster(name), password);

        assertThat(details).isEqualTo(new ConnectionDetails(postgres.host(), postgres.port(), name, name));
        try (Connection connection = connect(name, name, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL)");
            statement.execute("INSERT INTO orders VALUES (1, 'tea')");
            try (ResultSet rows = statement.executeQuery("SELECT item FROM orders WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("tea");
            }
        }
        assertThat(value("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", name))
                .isEqualTo(name);
        assertThat(databaseComment(name)).isEqualTo("daap:" + id);
        assertThat(roleComment(name)).isEqualTo("daap:" + id);
    }

    @Test
    void otherRolesCannotConnectToTheNewDatabase() throws SQLException {
        String name = uniqueName("private");
        String other = uniqueName("other");
        provisioner.provision(newId(), new NameOnCluster(name), newPassword());
        execute("CREATE ROLE " + identifier(other) + " LOGIN PASSWORD 'other-password'");

        try (Connection elsewhere = connect("postgres", other, "other-password")) {
            assertThat(elsewhere.isValid(2))
                    .as("the other role can log in at all")
                    .isTrue();
        }
        assertThatThrownBy(() -> connect(name, other, "other-password").close())
                .isInstanceOf(SQLException.class)
                .extracting(error -> ((SQLException) error).getSQLState())
                .isEqualTo("42501");
    }

    @Test
    void limitsTheRolesConnections() throws SQLException {
        String byDefault = uniqueName("limited");
        String chosen = uniqueName("limited");
        provisioner.provision(newId(), new NameOnCluster(byDefault), newPassword());
        new PostgresProvisioner(
                        superuser, new ClientEndpoint.Resolved(postgres.host(), postgres.port(), null), List.of(), 3)
                .provision(newId(), new NameOnCluster(chosen), newPassword());

        assertThat(value("SELECT rolconnlimit FROM pg_roles WHERE rolname = ?", byDefault))
                .isEqualTo(PostgresProvisioner.DEFAULT_CONNECTION_LIMIT);
        assertThat(value("SELECT rolconnlimit FROM pg_roles WHERE rolname = ?", chosen))
                .isEqualTo(3);
    }

    @Test
    void readOnlyEndsTheTenantsSessionsOnceAndNewOnesCannotWriteUntilItIsWritableAgain() throws SQLException {
        String name = uniqueName("quota");
        DatabaseId id = newId();
        String password = newPassword();
        provisioner.provision(id, new NameOnCluster(name), password);
        try (Connection setUp = connect(name, name, password);
                Statement statement = setUp.createStatement()) {
            statement.execute("CREATE TABLE notes (note text)");
        }

        try (Connection tenant = connect(name, name, password);
                Connection admin = postgres.dataSource(name).getConnection()) {
            provisioner.applyReadOnly(id, new NameOnCluster(name), true);
            assertThatThrownBy(() -> insertNote(tenant))
                    .as("the tenant's session open then was ended")
                    .isInstanceOf(SQLException.class);
            assertThat(admin.isValid(2)).as("the admin's own sessions stay").isTrue();
        }
        try (Connection tenant = connect(name, name, password)) {
            assertThatThrownBy(() -> insertNote(tenant))
                    .isInstanceOf(SQLException.class)
                    .extracting(error -> ((SQLException) error).getSQLState())
                    .isEqualTo("25006");
            provisioner.applyReadOnly(id, new NameOnCluster(name), true);
            assertThat(tenant.isValid(2))
                    .as("a repeat changes nothing and ends no session")
                    .isTrue();
            try (Statement statement = tenant.createStatement()) {
                statement.execute("SET default_transaction_read_only = off");
            }
            insertNote(tenant); // what the owner does to delete data
        }

        provisioner.applyReadOnly(id, new NameOnCluster(name), false);
        try (Connection tenant = connect(name, name, password)) {
            insertNote(tenant);
            provisioner.applyReadOnly(id, new NameOnCluster(name), false);
            assertThat(tenant.isValid(2))
                    .as("already writable: a plan change ends no session")
                    .isTrue();
        }
        assertThatThrownBy(() -> provisioner.applyReadOnly(newId(), new NameOnCluster(name), true))
                .as("not the database DAAP made for another id")
                .isInstanceOf(ProvisioningException.class);
    }

    private static void insertNote(Connection session) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("INSERT INTO notes VALUES ('x')");
        }
    }

    @Test
    void limitsTheDatabasesConnectionsToItsPlansForAllItsLoginsTogether() throws SQLException {
        String name = uniqueName("planned");
        DatabaseId id = newId();
        String password = newPassword();
        provisioner.provision(id, new NameOnCluster(name), password);

        provisioner.limitConnections(id, new NameOnCluster(name), 2);

        assertThat(value("SELECT datconnlimit FROM pg_database WHERE datname = ?", name))
                .isEqualTo(2);
        try (Connection first = connect(name, name, password);
                Connection second = connect(name, name, password)) {
            assertThat(first.isValid(2) && second.isValid(2)).isTrue();
            assertThatThrownBy(() -> connect(name, name, password).close())
                    .isInstanceOf(SQLException.class)
                    .extracting(error -> ((SQLException) error).getSQLState())
                    .as("too many connections for the database")
                    .isEqualTo("53300");
        }
        provisioner.limitConnections(id, new NameOnCluster(name), 100);
        provisioner.limitConnections(id, new NameOnCluster(name), 100);
        assertThat(value("SELECT datconnlimit FROM pg_database WHERE datname = ?", name))
                .as("a repeat converges")
                .isEqualTo(100);
        assertThatThrownBy(() -> provisioner.limitConnections(newId(), new NameOnCluster(name), 5))
                .as("not the database DAAP made for another id")
                .isInstanceOf(ProvisioningException.class);
        assertThat(value("SELECT datconnlimit FROM pg_database WHERE datname = ?", name))
                .isEqualTo(100);
    }

    @Test
    void provisioningAgainConvergesAndTheNewestPasswordWins() throws SQLException {
        String name = uniqueName("twice");
        DatabaseId id = newId();
        String first = newPassword();
        String second = newPassword();

        provisioner.provision(id, new NameOnCluster(name), first);
        provisioner.provision(id, new NameOnCluster(name), second);

        assertLoginRefused(name, name, first);
        assertCanLogIn(name, name, second);
    }

    @Test
    void convergesAfterACrashAtAnyStep() throws SQLException {
        String name = uniqueName("crashed");
        DatabaseId id = newId();
        // A crash after the role's transaction committed, before CREATE DATABASE.
        execute("CREATE ROLE " + identifier(name) + " LOGIN");
        execute("COMMENT ON ROLE " + identifier(name) + " IS 'daap:" + id + "'");
        provisioner.provision(id, new NameOnCluster(name), newPassword());

        // A crash between CREATE DATABASE and its comment, which cannot share a transaction.
        execute("COMMENT ON DATABASE " + identifier(name) + " IS NULL");
        String password = newPassword();
        provisioner.provision(id, new NameOnCluster(name), password);
        assertThat(databaseComment(name)).isEqualTo("daap:" + id);

        // The database lost by hand: provisioning again creates it again.
        execute("DROP DATABASE " + identifier(name));
        provisioner.provision(id, new NameOnCluster(name), password);
        assertCanLogIn(name, name, password);
    }

    @Test
    void refusesARoleThatDaapDidNotCreateAndLeavesItUntouched() throws SQLException {
        String victim = uniqueName("victim");
        execute("CREATE ROLE " + identifier(victim) + " LOGIN PASSWORD 'victims-own-password' CONNECTION LIMIT 7");
        execute("COMMENT ON ROLE " + identifier(victim) + " IS 'payroll team'");
        String password = newPassword();

        assertThatThrownBy(() -> provisioner.provision(newId(), new NameOnCluster(victim), password))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("a role named " + victim + " already exists on the target and was not created by DAAP"
                        + " for this database; choose another name")
                .satisfies(error -> assertThat(everythingIn(error)).doesNotContain(password));

        assertThat(roleComment(victim)).isEqualTo("payroll team");
        assertThat(value("SELECT rolconnlimit FROM pg_roles WHERE rolname = ?", victim))
                .isEqualTo(7);
        assertCanLogIn("postgres", victim, "victims-own-password");
        assertThat(value("SELECT count(*) FROM pg_database WHERE datname = ?", victim))
                .isEqualTo(0L);
    }

    @Test
    void refusesToTakeOverTheSuperuser() throws SQLException {
        String superuserName = postgres.user();

        assertThatThrownBy(() -> provisioner.provision(newId(), new NameOnCluster(superuserName), newPassword()))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("a role named " + superuserName + " already exists");
        assertThatThrownBy(() -> provisioner.changePassword(newId(), new NameOnCluster(superuserName), newPassword()))
                .isInstanceOf(ProvisioningException.class);
        provisioner.deprovision(newId(), new NameOnCluster(superuserName)); // converges by leaving it alone

        assertCanLogIn("postgres", superuserName, postgres.password());
    }

    @Test
    void refusesADatabaseThatDaapDidNotCreateAndCreatesNothing() throws SQLException {
        String victim = uniqueName("victim-db");
        execute("CREATE DATABASE " + identifier(victim));
        execute("COMMENT ON DATABASE " + identifier(victim) + " IS 'analytics'");

        assertThatThrownBy(() -> provisioner.provision(newId(), new NameOnCluster(victim), newPassword()))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("a database named " + victim + " already exists on the target and was not created by"
                        + " DAAP for this database; choose another name");

        assertThat(databaseComment(victim)).isEqualTo("analytics");
        assertThat(value("SELECT count(*) FROM pg_roles WHERE rolname = ?", victim))
                .isEqualTo(0L);
    }

    @Test
    void refusesWhatDaapCreatedForAnotherDatabase() throws SQLException {
        String name = uniqueName("taken");
        String password = newPassword();
        provisioner.provision(newId(), new NameOnCluster(name), password);
        DatabaseId stranger = newId();

        assertThatThrownBy(() -> provisioner.provision(stranger, new NameOnCluster(name), newPassword()))
                .isInstanceOf(ProvisioningException.class);
        assertThatThrownBy(() -> provisioner.changePassword(stranger, new NameOnCluster(name), newPassword()))
                .isInstanceOf(ProvisioningException.class);
        provisioner.deprovision(stranger, new NameOnCluster(name)); // the stranger's delete drops nothing of ours

        assertCanLogIn(name, name, password);
        assertThat(value("SELECT count(*) FROM pg_database WHERE datname = ?", name))
                .isEqualTo(1L);
    }

    @Test
    void changesThePassword() throws SQLException {
        String name = uniqueName("rotated");
        DatabaseId id = newId();
        String old = newPassword();
        String current = newPassword();
        provisioner.provision(id, new NameOnCluster(name), old);

        provisioner.changePassword(id, new NameOnCluster(name), current);

        assertLoginRefused(name, name, old);
        assertCanLogIn(name, name, current);
    }

    @Test
    void refusesToChangeThePasswordOfAMissingRole() {
        String name = uniqueName("missing");

        assertThatThrownBy(() -> provisioner.changePassword(newId(), new NameOnCluster(name), newPassword()))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("role " + name + " does not exist");
    }

    @Test
    void deprovisionEndsOpenSessionsAndIsIdempotent() throws SQLException {
        String name = uniqueName("retired");
        DatabaseId id = newId();
        String password = newPassword();
        provisioner.provision(id, new NameOnCluster(name), password);

        try (Connection client = connect(name, name, password)) {
            client.setAutoCommit(false);
            try (Statement statement = client.createStatement()) {
                statement.execute("CREATE TABLE held (id int)");
            }
            assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> provisioner.deprovision(id, new NameOnCluster(name)));
            assertThat(client.isValid(2)).as("the client's session was ended").isFalse();
        }

        assertThat(value("SELECT count(*) FROM pg_database WHERE datname = ?", name))
                .isEqualTo(0L);
        assertThat(value("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                .isEqualTo(0L);
        provisioner.deprovision(id, new NameOnCluster(name));
        provisioner.deprovision(newId(), new NameOnCluster(uniqueName("never-provisioned")));
    }

    @Test
    void deprovisionSaysWhatKeepsTheRoleAndFinishesOnceThatIsGone() throws SQLException {
        String name = uniqueName("entangled");
        String elsewhere = uniqueName("elsewhere");
        DatabaseId id = newId();
        provisioner.provision(id, new NameOnCluster(name), newPassword());
        // A privilege in another database keeps DROP ROLE from succeeding.
        execute("CREATE DATABASE " + identifier(elsewhere));
        execute("GRANT CONNECT ON DATABASE " + identifier(elsewhere) + " TO " + identifier(name));

        assertThatThrownBy(() -> provisioner.deprovision(id, new NameOnCluster(name)))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("dropping role " + name)
                .hasMessageContaining(elsewhere)
                .hasMessageContaining("must be dropped or reassigned first");
        assertThat(value("SELECT count(*) FROM pg_database WHERE datname = ?", name))
                .isEqualTo(0L);

        execute("REVOKE CONNECT ON DATABASE " + identifier(elsewhere) + " FROM " + identifier(name));
        provisioner.deprovision(id, new NameOnCluster(name));
        assertThat(value("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                .isEqualTo(0L);
    }

    @Test
    void deprovisionLeavesARoleAndADatabaseThatDaapDidNotCreateAlone() throws SQLException {
        // The deletion of a database whose provisioning was refused because the name was taken: nothing was made.
        String victim = uniqueName("victim-db");
        execute("CREATE ROLE " + identifier(victim) + " LOGIN PASSWORD 'victims-own-password'");
        execute("CREATE DATABASE " + identifier(victim) + " OWNER " + identifier(victim));
        execute("COMMENT ON DATABASE " + identifier(victim) + " IS 'analytics'");
        DatabaseId id = newId();
        assertThatThrownBy(() -> provisioner.provision(id, new NameOnCluster(victim), newPassword()))
                .isInstanceOf(ProvisioningException.class);

        provisioner.deprovision(id, new NameOnCluster(victim));

        assertThat(databaseComment(victim)).isEqualTo("analytics");
        assertCanLogIn(victim, victim, "victims-own-password");
    }

    @Test
    void deprovisionDropsTheRoleOfAHalfMadeDatabaseAndLeavesADatabaseThatIsNotOurs() throws SQLException {
        // Provisioning made the role, then met a database of the same name that somebody else made meanwhile.
        String name = uniqueName("half-made");
        DatabaseId id = newId();
        execute("CREATE ROLE " + identifier(name) + " LOGIN");
        execute("COMMENT ON ROLE " + identifier(name) + " IS 'daap:" + id + "'");
        execute("CREATE DATABASE " + identifier(name));
        execute("COMMENT ON DATABASE " + identifier(name) + " IS 'reports'");

        provisioner.deprovision(id, new NameOnCluster(name));

        assertThat(value("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                .isEqualTo(0L);
        assertThat(databaseComment(name)).isEqualTo("reports");
    }

    @Test
    void deprovisionDropsOurDatabaseAndLeavesARoleThatIsNotOurs() throws SQLException {
        // Our role was dropped by hand and somebody else took its name; the database still carries our marker.
        String name = uniqueName("orphan");
        DatabaseId id = newId();
        execute("CREATE DATABASE " + identifier(name));
        execute("COMMENT ON DATABASE " + identifier(name) + " IS 'daap:" + id + "'");
        execute("CREATE ROLE " + identifier(name) + " LOGIN PASSWORD 'someone-elses'");

        provisioner.deprovision(id, new NameOnCluster(name));

        assertThat(value("SELECT count(*) FROM pg_database WHERE datname = ?", name))
                .isEqualTo(0L);
        assertCanLogIn("postgres", name, "someone-elses");
    }

    @Test
    void reportsAnUnreachableTargetByItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://" + postgres.host() + ":" + closedPort + "/postgres");
        unreachable.setUser(postgres.user());
        unreachable.setPassword(postgres.password());
        unreachable.setConnectTimeout(5);
        var nowhere = new PostgresProvisioner(unreachable, postgres.host(), closedPort);

        assertThatThrownBy(() -> nowhere.provision(newId(), new NameOnCluster(uniqueName("nowhere")), newPassword()))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("cannot reach the target cluster at " + postgres.host() + ":" + closedPort);
        assertThatThrownBy(() -> nowhere.deprovision(newId(), new NameOnCluster(uniqueName("nowhere"))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining(postgres.host());
    }

    @Test
    void aFailureAfterThePasswordWasSetNamesThePrivilegeAndNotThePassword() throws SQLException {
        String admin = uniqueName("admin-no-createdb");
        execute("CREATE ROLE " + identifier(admin) + " LOGIN CREATEROLE PASSWORD 'admin-password'");
        var provisionerWithoutCreatedb =
                new PostgresProvisioner(dataSourceAs(admin, "admin-password"), postgres.host(), postgres.port());
        String name = uniqueName("half-done");
        DatabaseId id = newId();
        String password = newPassword();

        assertThatThrownBy(() -> provisionerWithoutCreatedb.provision(id, new NameOnCluster(name), password))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("creating database " + name)
                .hasMessageContaining("CREATEDB")
                .satisfies(error -> assertThat(everythingIn(error)).doesNotContain(password));

        assertCanLogIn("postgres", name, password);

        // Deleting the database that failed half-way removes the role it left.
        provisionerWithoutCreatedb.deprovision(id, new NameOnCluster(name));
        assertThat(value("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                .isEqualTo(0L);
    }

    @Test
    void worksWithAnAdminThatHasCreateroleAndCreatedbButIsNoSuperuser() throws SQLException {
        String admin = uniqueName("admin");
        execute("CREATE ROLE " + identifier(admin) + " LOGIN CREATEROLE CREATEDB PASSWORD 'admin-password'");
        var limited = new PostgresProvisioner(dataSourceAs(admin, "admin-password"), postgres.host(), postgres.port());
        String name = uniqueName("delegated");
        DatabaseId id = newId();
        String password = newPassword();

        limited.provision(id, new NameOnCluster(name), password);

        try (Connection client = connect(name, name, password)) {
            try (Statement statement = client.createStatement()) {
                statement.execute("CREATE TABLE t (id int)");
            }
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> limited.deprovision(id, new NameOnCluster(name)));
        }
        assertThat(value("SELECT count(*) FROM pg_database WHERE datname = ?", name))
                .isEqualTo(0L);
        assertThat(value("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                .isEqualTo(0L);
    }

    @Test
    void sendsThePasswordOnlyAsAScramVerifier() throws SQLException {
        // Were the password sent in plain text, this session's setting would make the server store an MD5 hash.
        var md5Session = (PGSimpleDataSource) postgres.dataSource("postgres");
        md5Session.setOptions("-c password_encryption=md5");
        String name = uniqueName("hashed");
        String password = newPassword();

        new PostgresProvisioner(md5Session, postgres.host(), postgres.port())
                .provision(newId(), new NameOnCluster(name), password);

        assertThat((String) value("SELECT rolpassword FROM pg_authid WHERE rolname = ?", name))
                .startsWith("SCRAM-SHA-256$4096:");
        assertCanLogIn(name, name, password);
    }

    @Test
    void setsThePasswordWithStatementLoggingOffAndLeavesTheAdminSessionAsItWas() throws SQLException {
        String name = uniqueName("unlogged");
        try (Connection admin = superuser.getConnection()) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("SET log_statement = 'all'");
            }
            List<String> loggingDuringCreateRole = new ArrayList<>();
            DataSource watched = onlyConnection(admin, sql -> {
                if (sql.startsWith("CREATE ROLE") && sql.contains(" PASSWORD ")) { // not the groups
                    loggingDuringCreateRole.add(
                            setting(admin, "log_statement") + " " + setting(admin, "log_min_error_statement"));
                }
            });

            new PostgresProvisioner(
                            watched,
                            postgres::dataSource,
                            new ClientEndpoint.Resolved(postgres.host(), postgres.port(), null),
                            List.of(),
                            PostgresProvisioner.DEFAULT_CONNECTION_LIMIT)
                    .provision(newId(), new NameOnCluster(name), newPassword());

            assertThat(loggingDuringCreateRole).containsExactly("none panic");
            assertThat(setting(admin, "log_statement")).isEqualTo("all");
            assertThat(admin.getAutoCommit()).isTrue();
        }
    }

    /** A DataSource that always lends the same connection, never closes it, and shows each statement first. */
    private static DataSource onlyConnection(Connection connection, Consumer<String> beforeExecute) {
        Connection lent = proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("close")) {
                return Optional.of(Void.TYPE);
            }
            if (method.getName().equals("createStatement") && args == null) {
                Statement statement = connection.createStatement();
                return Optional.of(proxy(Statement.class, statement, (statementMethod, statementArgs) -> {
                    if (statementMethod.getName().equals("execute") && statementArgs.length == 1) {
                        beforeExecute.accept((String) statementArgs[0]);
                    }
                    return Optional.empty();
                }));
            }
            return Optional.empty();
        });
        return proxy(
                DataSource.class,
                null,
                (method, args) -> method.getName().equals("getConnection") ? Optional.of(lent) : Optional.empty());
    }

    /** Answers from {@code override} where it has an answer, from {@code target} otherwise. */
    private static <T> T proxy(Class<T> type, T target, Answer override) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Optional<Object> answer = override.answer(method, args);
            if (answer.isPresent()) {
                return answer.get() == Void.TYPE ? null : answer.get();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @FunctionalInterface
    private interface Answer {
        Optional<Object> answer(Method method, Object[] args) throws SQLException;
    }

    private static String setting(Connection connection, String name) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String uniqueName(String prefix) {
        String name = prefix + "-" + Long.toHexString(System.nanoTime()) + "-" + SEQUENCE.incrementAndGet();
        names.add(name);
        return name;
    }

    private static DatabaseId newId() {
        return new DatabaseId(UUID.randomUUID());
    }

    private static String newPassword() {
        return "pw-" + UUID.randomUUID();
    }

    private static DataSource dataSourceAs(String user, String password) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
    }

    private static void assertCanLogIn(String database, String user, String password) throws SQLException {
        try (Connection connection = connect(database, user, password)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static void assertLoginRefused(String database, String user, String password) {
        assertThatThrownBy(() -> connect(database, user, password).close())
                .isInstanceOf(SQLException.class)
                .extracting(error -> ((SQLException) error).getSQLState())
                .isEqualTo("28P01");
    }

    private static String roleComment(String role) throws SQLException {
        return (String) value("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = ?", role);
    }

    private static String databaseComment(String database) throws SQLException {
        return (String)
                value("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?", database);
    }

    /** The messages and stack traces of an error and all its causes, as a log would print them. */
    private static String everythingIn(Throwable error) {
        var text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Object value(String sql, String parameter) throws SQLException {
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for %s", parameter).isTrue();
                return rows.getObject(1);
            }
        }
    }
}
