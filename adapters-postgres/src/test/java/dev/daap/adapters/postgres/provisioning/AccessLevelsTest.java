package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.identifier;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.literal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.user.AccessLevel;
import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three access levels on a real PostgreSQL 17: what an owner creates, a read-only member reads and a read-write
 * member writes without a GRANT; neither creates nor drops anything; nobody gets into another database. The members
 * here are logins made by hand as the users of a database are made (a member of the group, acting as it, with
 * CONNECT of its own). Roles are cluster-wide, so each test uses names of its own and removes them.
 */
class AccessLevelsTest {
    private static final TestPostgres postgres = TestPostgres.shared();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "member-password";

    private final DataSource superuser = postgres.dataSource("postgres");
    private final PostgresProvisioner provisioner =
            new PostgresProvisioner(superuser, postgres.host(), postgres.port());
    private final List<String> databases = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestLeft() throws SQLException {
        for (String name : databases.reversed()) {
            execute("postgres", "DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
        }
        for (String name : roles.reversed()) {
            execute("postgres", "DROP ROLE IF EXISTS " + identifier(name));
        }
    }

    @Test
    void readOnlyReadsWhatTheOwnerMadeAndReadWriteWritesItEvenWhenMadeLater() throws SQLException {
        Provisioned orders = provision("orders");
        String reader = member(orders, AccessLevel.READ_ONLY);
        String writer = member(orders, AccessLevel.READ_WRITE);
        run(orders.name, orders.name, orders.password, "CREATE TABLE early (id serial PRIMARY KEY, item text)");

        run(orders.name, writer, PASSWORD, "INSERT INTO early (item) VALUES ('tea')");
        run(orders.name, writer, PASSWORD, "UPDATE early SET item = 'green tea'");
        assertThat(query(orders.name, reader, PASSWORD, "SELECT item FROM early"))
                .contains("green tea");

        // A table the owner makes after the members exist: default privileges, no GRANT.
        run(orders.name, orders.name, orders.password, "CREATE TABLE later (id bigserial PRIMARY KEY, n int)");
        run(orders.name, writer, PASSWORD, "INSERT INTO later (n) VALUES (7)");
        run(orders.name, writer, PASSWORD, "DELETE FROM later WHERE n = 8");
        assertThat(query(orders.name, reader, PASSWORD, "SELECT n::text FROM later"))
                .contains("7");
        assertThat(query(
                        orders.name,
                        orders.name,
                        orders.password,
                        "SELECT tableowner FROM pg_tables WHERE tablename = 'later'"))
                .as("what an owner login creates belongs to the owner group")
                .contains(AccessLevel.OWNER.groupRole(orders.id));
    }

    @Test
    void readOnlyCannotWriteAndNeitherMemberCanCreateOrDrop() throws SQLException {
        Provisioned orders = provision("orders");
        String reader = member(orders, AccessLevel.READ_ONLY);
        String writer = member(orders, AccessLevel.READ_WRITE);
        run(orders.name, orders.name, orders.password, "CREATE TABLE t (id int)");

        for (String sql : List.of("INSERT INTO t VALUES (1)", "UPDATE t SET id = 2", "DELETE FROM t")) {
            assertRefused(orders.name, reader, sql);
        }
        for (String member : List.of(reader, writer)) {
            assertRefused(orders.name, member, "CREATE TABLE mine (id int)");
            assertRefused(orders.name, member, "CREATE SCHEMA mine");
            assertRefused(orders.name, member, "DROP TABLE t");
            assertRefused(orders.name, member, "CREATE TEMPORARY TABLE scratch (id int)");
            assertRefused(orders.name, member, "ALTER TABLE t ADD COLUMN extra int");
        }
    }

    @Test
    void nobodyReachesAnotherDatabase() throws SQLException {
        Provisioned orders = provision("orders");
        Provisioned billing = provision("billing");
        String reader = member(orders, AccessLevel.READ_ONLY);
        String writer = member(orders, AccessLevel.READ_WRITE);

        for (String user : List.of(reader, writer)) {
            assertConnectRefused(billing.name, user, PASSWORD);
        }
        assertConnectRefused(billing.name, orders.name, orders.password);
        assertConnectRefused(orders.name, billing.name, billing.password);
    }

    @Test
    void aDatabaseFromBeforeGetsTheGroupsItsLoginBecomingAnOwnerAndKeepsItsData() throws SQLException {
        DatabaseId id = newId();
        String name = uniqueName("legacy");
        String password = "legacy-password";
        // As provisioning made databases before access levels: a login that owns the database and what is in it.
        execute("postgres", "CREATE ROLE " + identifier(name) + " LOGIN PASSWORD " + literal(password));
        execute("postgres", "COMMENT ON ROLE " + identifier(name) + " IS " + literal("daap:" + id));
        execute("postgres", "CREATE DATABASE " + identifier(name) + " OWNER " + identifier(name));
        databases.add(name);
        execute("postgres", "COMMENT ON DATABASE " + identifier(name) + " IS " + literal("daap:" + id));
        execute("postgres", "REVOKE CONNECT, TEMPORARY ON DATABASE " + identifier(name) + " FROM PUBLIC");
        execute("postgres", "GRANT CONNECT ON DATABASE " + identifier(name) + " TO " + identifier(name));
        run(name, name, password, "CREATE TABLE old (id int)");
        run(name, name, password, "INSERT INTO old VALUES (1)");

        provisioner.setUpAccess(id, new NameOnCluster(name));
        provisioner.setUpAccess(id, new NameOnCluster(name)); // a repeat after a crash converges

        String owner = AccessLevel.OWNER.groupRole(id);
        assertThat(query(name, name, password, "SELECT tableowner FROM pg_tables WHERE tablename = 'old'"))
                .contains(owner);
        assertThat(asAdmin(
                        "postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = " + literal(name)))
                .as("the database stays its login's")
                .contains(name);
        Provisioned legacy = new Provisioned(id, name, password);
        String reader = member(legacy, AccessLevel.READ_ONLY);
        assertThat(query(name, reader, PASSWORD, "SELECT id::text FROM old")).contains("1");
        assertRefused(name, reader, "INSERT INTO old VALUES (2)");
        run(name, name, password, "INSERT INTO old VALUES (2)");
    }

    @Test
    void purgeDropsEveryRoleOfTheDatabase() throws SQLException {
        Provisioned orders = provision("orders");
        member(orders, AccessLevel.READ_ONLY);
        member(orders, AccessLevel.READ_WRITE);

        provisioner.deprovision(orders.id, new NameOnCluster(orders.name));

        assertThat(asAdmin(
                        "postgres",
                        "SELECT rolname FROM pg_roles WHERE" + " shobj_description(oid, 'pg_authid') = "
                                + literal("daap:" + orders.id)))
                .isEmpty();
    }

    @Test
    void aCloneHasGroupsOfItsOwnAndTheSourceKeepsNothingInIt() throws SQLException {
        Provisioned source = provision("source");
        run(source.name, source.name, source.password, "CREATE TABLE kept (id int)");
        run(source.name, source.name, source.password, "INSERT INTO kept VALUES (1)");
        var copier = new PostgresCopier(provisioner, postgres::dataSource, step -> {});
        DatabaseId cloneId = newId();
        String clone = uniqueName("clone");
        roles.add(clone);

        copier.clone(
                cloneId,
                new NameOnCluster(clone),
                "clone-password",
                source.id,
                new NameOnCluster(source.name),
                Optional.empty());
        databases.add(clone);
        rolesOf(cloneId);

        assertThat(query(clone, clone, "clone-password", "SELECT tableowner FROM pg_tables WHERE tablename = 'kept'"))
                .containsExactly(AccessLevel.OWNER.groupRole(cloneId));
        String reader = member(new Provisioned(cloneId, clone, "clone-password"), AccessLevel.READ_ONLY);
        assertThat(query(clone, reader, PASSWORD, "SELECT id::text FROM kept")).containsExactly("1");
        assertThat(query(
                        clone,
                        clone,
                        "clone-password",
                        "SELECT count(*)::text FROM pg_class c, aclexplode(c.relacl) a"
                                + " WHERE c.relname = 'kept' AND pg_get_userbyid(a.grantee) LIKE "
                                + literal("daap." + source.id.value().toString().replace("-", "") + ".%")))
                .containsExactly("0");

        // The source's purge drops its groups although the clone lives on.
        provisioner.deprovision(source.id, new NameOnCluster(source.name));
        assertThat(query(clone, reader, PASSWORD, "SELECT id::text FROM kept")).containsExactly("1");
    }

    private record Provisioned(DatabaseId id, String name, String password) {}

    private Provisioned provision(String prefix) {
        String name = uniqueName(prefix);
        roles.add(name);
        DatabaseId id = newId();
        String password = "pw-" + UUID.randomUUID();
        provisioner.provision(id, new NameOnCluster(name), password);
        databases.add(name);
        rolesOf(id);
        return new Provisioned(id, name, password);
    }

    /** The groups are removed after the test, before the logins that are their members. */
    private void rolesOf(DatabaseId id) {
        for (AccessLevel level : AccessLevel.values()) {
            roles.addFirst(level.groupRole(id));
        }
    }

    /** A login in the group of {@code level}, as a user of the database is made. */
    private String member(Provisioned database, AccessLevel level) throws SQLException {
        String login = uniqueName(level.wireName());
        roles.add(login);
        String group = level.groupRole(database.id);
        execute("postgres", "CREATE ROLE " + identifier(login) + " LOGIN PASSWORD " + literal(PASSWORD));
        execute("postgres", "GRANT " + identifier(group) + " TO " + identifier(login));
        execute("postgres", "ALTER ROLE " + identifier(login) + " SET role = " + literal(group));
        execute("postgres", "GRANT CONNECT ON DATABASE " + identifier(database.name) + " TO " + identifier(login));
        return login;
    }

    private String uniqueName(String prefix) {
        return prefix + "_" + Long.toHexString(System.nanoTime()) + "_" + SEQUENCE.incrementAndGet();
    }

    private static DatabaseId newId() {
        return new DatabaseId(UUID.randomUUID());
    }

    private static void assertRefused(String database, String user, String sql) {
        assertThatThrownBy(() -> run(database, user, PASSWORD, sql))
                .as(user + ": " + sql)
                .isInstanceOf(SQLException.class)
                .extracting(error -> ((SQLException) error).getSQLState())
                .isIn("42501", "42P01"); // no privilege, or (a foreign schema) not visible at all
    }

    private static void assertConnectRefused(String database, String user, String password) {
        assertThatThrownBy(() -> connect(database, user, password).close())
                .as(user + " into " + database)
                .isInstanceOf(SQLException.class)
                .extracting(error -> ((SQLException) error).getSQLState())
                .isEqualTo("42501");
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
    }

    private static void run(String database, String user, String password, String sql) throws SQLException {
        try (Connection connection = connect(database, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(String database, String user, String password, String sql) throws SQLException {
        try (Connection connection = connect(database, user, password)) {
            return rows(connection, sql);
        }
    }

    private static List<String> asAdmin(String database, String sql) throws SQLException {
        try (Connection connection = postgres.dataSource(database).getConnection()) {
            return rows(connection, sql);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = postgres.dataSource(database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
