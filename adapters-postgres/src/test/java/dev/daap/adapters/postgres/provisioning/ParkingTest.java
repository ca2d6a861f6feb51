package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.identifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.AccessLevel;
import dev.daap.testing.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deletion that can be undone, on the shared PostgreSQL 17 as the target: a deleted database keeps its data, closed
 * to logins, under its parked name; a restore gives it back with its password; a purge drops it under either name.
 * The fault hook: the admin connection fails its k-th statement that changes the cluster, for every k, as a worker
 * that dies there would leave it; the next run of the same step must converge.
 */
class ParkingTest {
    private static final TestPostgres postgres = TestPostgres.shared();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DataSource superuser = postgres.dataSource("postgres");
    private final PostgresProvisioner provisioner =
            new PostgresProvisioner(superuser, postgres.host(), postgres.port());
    private final List<String> names = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestLeft() throws SQLException {
        for (String name : names) {
            execute("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
        }
        for (String name : names) {
            execute("DROP ROLE IF EXISTS " + identifier(name));
        }
    }

    @Test
    void aDeletedDatabaseKeepsItsDataClosedToLoginsAndComesBackWithItsPassword() throws SQLException {
        Provisioned db = provisionWithARow();
        try (Connection open = connect(db.name, db.name, db.password)) {
            provisioner.deactivate(db.id, new NameOnCluster(db.name));
            assertThat(open.isValid(2)).as("open sessions are ended").isFalse();
        }

        assertParked(db);
        assertThatThrownBy(() -> connect(db.name, db.name, db.password).close()).isInstanceOf(SQLException.class);

        provisioner.reactivate(db.id, new NameOnCluster(db.name));

        assertRestored(db, db.name);
    }

    @Test
    void aRestoreUnderAnotherNameKeepsDataAndPassword() throws SQLException {
        Provisioned db = provisionWithARow();
        provisioner.deactivate(db.id, new NameOnCluster(db.name));
        String other = uniqueName("other");

        provisioner.reactivate(db.id, new NameOnCluster(other));

        assertRestored(db, other);
        assertThat(exists("pg_database", "datname", db.name)).isFalse();
    }

    @Test
    void aRestoreRefusesANameThatSomethingElseHasNowAndChangesNothing() throws SQLException {
        Provisioned db = provisionWithARow();
        provisioner.deactivate(db.id, new NameOnCluster(db.name));
        execute("CREATE ROLE " + identifier(db.name));

        assertThatThrownBy(() -> provisioner.reactivate(db.id, new NameOnCluster(db.name)))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("not created by DAAP");
        String parked = NameOnCluster.parked(db.id).value();
        assertThat(value("SELECT datallowconn FROM pg_database WHERE datname = ?", parked))
                .as("still parked, closed")
                .isEqualTo(false);
        assertThat(value("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", parked))
                .isEqualTo(false);
    }

    @Test
    void deactivatingConvergesAfterACrashBeforeAnyOfItsSteps() throws SQLException {
        int steps = stepsOf((p, db) -> {}, (p, db) -> p.deactivate(db.id, new NameOnCluster(db.name)));
        assertThat(steps)
                .as("close role, close database, park database, park role")
                .isEqualTo(4);
        for (int crashAt = 1; crashAt <= steps; crashAt++) {
            Provisioned db = provisionWithARow();
            int at = crashAt;
            assertThatThrownBy(() -> failingAt(at).deactivate(db.id, new NameOnCluster(db.name)))
                    .as("crash before step %d", at)
                    .isInstanceOf(ProvisioningException.class);

            provisioner.deactivate(db.id, new NameOnCluster(db.name));
            provisioner.deactivate(db.id, new NameOnCluster(db.name)); // and once more: nothing left to do

            assertParked(db);
            provisioner.reactivate(db.id, new NameOnCluster(db.name));
            assertRestored(db, db.name);
        }
    }

    @Test
    void restoringConvergesAfterACrashBeforeAnyOfItsSteps() throws SQLException {
        int steps = stepsOf(
                (p, db) -> p.deactivate(db.id, new NameOnCluster(db.name)),
                (p, db) -> p.reactivate(db.id, new NameOnCluster(db.name)));
        assertThat(steps)
                .as("rename database, rename role, open role, open database, then the access levels: the owner"
                        + " login joins the owner group (2), 15 grants in the database, the database given back")
                .isEqualTo(22);
        for (int crashAt = 1; crashAt <= steps; crashAt++) {
            Provisioned db = provisionWithARow();
            provisioner.deactivate(db.id, new NameOnCluster(db.name));
            int at = crashAt;
            assertThatThrownBy(() -> failingAt(at).reactivate(db.id, new NameOnCluster(db.name)))
                    .as("crash before step %d", at)
                    .isInstanceOf(ProvisioningException.class);

            provisioner.reactivate(db.id, new NameOnCluster(db.name));
            provisioner.reactivate(db.id, new NameOnCluster(db.name));

            assertRestored(db, db.name);
        }
    }

    @Test
    void purgingDropsBothNamesAndConvergesAfterACrashBeforeAnyOfItsSteps() throws SQLException {
        int steps = stepsOf(
                (p, db) -> p.deactivate(db.id, new NameOnCluster(db.name)),
                (p, db) -> p.deprovision(db.id, new NameOnCluster(db.name)));
        assertThat(steps)
                .as("revoke, drop database, drop role, drop the three groups")
                .isEqualTo(6);
        for (int crashAt = 1; crashAt <= steps; crashAt++) {
            Provisioned db = provisionWithARow();
            provisioner.deactivate(db.id, new NameOnCluster(db.name));
            int at = crashAt;
            assertThatThrownBy(() -> failingAt(at).deprovision(db.id, new NameOnCluster(db.name)))
                    .isInstanceOf(ProvisioningException.class);

            provisioner.deprovision(db.id, new NameOnCluster(db.name));

            assertGone(db);
        }
        // A crash between parking the database and parking its role: the role under its name owns the parked database.
        Provisioned halfParked = provisionWithARow();
        assertThatThrownBy(() -> failingAt(4).deactivate(halfParked.id, new NameOnCluster(halfParked.name)))
                .isInstanceOf(ProvisioningException.class);
        provisioner.deprovision(halfParked.id, new NameOnCluster(halfParked.name));
        assertGone(halfParked);
    }

    // ------------------------------------------------------------------------------------------------ the fault hook

    /** A provisioner whose admin connection fails its {@code k}-th statement that changes the cluster. */
    private PostgresProvisioner failingAt(int k) {
        var count = new AtomicInteger();
        return watched(sql -> {
            if (count.incrementAndGet() == k) {
                throw new SimulatedCrash(sql);
            }
        });
    }

    /** A provisioner whose statements, on the cluster and inside its databases, {@code watch} sees first. */
    private PostgresProvisioner watched(Watch watch) {
        return new PostgresProvisioner(
                statementsSeenBy(superuser, watch),
                database -> statementsSeenBy(postgres.dataSource(database), watch),
                new ClientEndpoint.Resolved(postgres.host(), postgres.port(), null),
                List.of(),
                PostgresProvisioner.DEFAULT_CONNECTION_LIMIT);
    }

    /**
     * How many statements that change the cluster {@code step} sends, on a new database that {@code before} has
     * brought to where the step starts.
     */
    private int stepsOf(Setup before, Action step) throws SQLException {
        Provisioned db = provisionWithARow();
        before.apply(provisioner, db);
        var count = new AtomicInteger();
        step.apply(watched(sql -> count.incrementAndGet()), db);
        return count.get();
    }

    @FunctionalInterface
    private interface Action {
        void apply(PostgresProvisioner provisioner, Provisioned db);
    }

    @FunctionalInterface
    private interface Setup {
        void apply(PostgresProvisioner provisioner, Provisioned db);
    }

    private static final class SimulatedCrash extends SQLException {
        SimulatedCrash(String sql) {
            super("simulated crash before: " + sql);
        }
    }

    /** Admin connections whose {@code Statement.execute(String)} (the utility statements) {@code watch} sees first. */
    private static DataSource statementsSeenBy(DataSource admin, Watch watch) {
        return proxy(DataSource.class, admin, (method, args) -> {
            Object result = method.invoke(admin, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            return proxy(Connection.class, connection, (connectionMethod, connectionArgs) -> {
                Object made = connectionMethod.invoke(connection, connectionArgs);
                if (!connectionMethod.getName().equals("createStatement")) {
                    return made;
                }
                Statement statement = (Statement) made;
                return proxy(Statement.class, statement, (statementMethod, statementArgs) -> {
                    if (statementMethod.getName().equals("execute") && statementArgs.length == 1) {
                        watch.accept((String) statementArgs[0]);
                    }
                    return statementMethod.invoke(statement, statementArgs);
                });
            });
        });
    }

    @FunctionalInterface
    private interface Watch {
        void accept(String sql) throws SQLException;
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            try {
                return handler.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    // ---------------------------------------------------------------------------------------------------- fixtures

    private record Provisioned(DatabaseId id, String name, String password) {}

    private Provisioned provisionWithARow() throws SQLException {
        String name = uniqueName("parked");
        DatabaseId id = new DatabaseId(UUID.randomUUID());
        names.add(NameOnCluster.parked(id).value());
        for (AccessLevel level : AccessLevel.values()) {
            names.add(level.groupRole(id));
        }
        String password = "pw-" + UUID.randomUUID();
        provisioner.provision(id, new NameOnCluster(name), password);
        try (Connection session = connect(name, name, password);
                Statement statement = session.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY)");
            statement.execute("INSERT INTO orders VALUES (1), (2), (3)");
        }
        return new Provisioned(id, name, password);
    }

    private void assertParked(Provisioned db) throws SQLException {
        String parked = NameOnCluster.parked(db.id).value();
        assertThat(exists("pg_database", "datname", db.name))
                .as("the name is free")
                .isFalse();
        assertThat(exists("pg_roles", "rolname", db.name))
                .as("the role's name is free")
                .isFalse();
        assertThat(value("SELECT datallowconn FROM pg_database WHERE datname = ?", parked))
                .isEqualTo(false);
        assertThat(value("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", parked))
                .isEqualTo(false);
    }

    private void assertRestored(Provisioned db, String name) throws SQLException {
        try (Connection session = connect(name, name, db.password);
                Statement statement = session.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM orders")) {
            rows.next();
            assertThat(rows.getInt(1)).as("every row written before the delete").isEqualTo(3);
        }
        assertThat(exists("pg_database", "datname", NameOnCluster.parked(db.id).value()))
                .isFalse();
    }

    private void assertGone(Provisioned db) throws SQLException {
        String parked = NameOnCluster.parked(db.id).value();
        for (String name : List.of(db.name, parked)) {
            assertThat(exists("pg_database", "datname", name))
                    .as("database %s", name)
                    .isFalse();
            assertThat(exists("pg_roles", "rolname", name)).as("role %s", name).isFalse();
        }
    }

    private String uniqueName(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime()) + "_" + SEQUENCE.incrementAndGet();
        names.add(name);
        return name;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
    }

    private boolean exists(String catalog, String column, String name) throws SQLException {
        return value("SELECT count(*) > 0 FROM " + catalog + " WHERE " + column + " = ?", name)
                .equals(true);
    }

    private Object value(String sql, String parameter) throws SQLException {
        try (Connection connection = superuser.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
