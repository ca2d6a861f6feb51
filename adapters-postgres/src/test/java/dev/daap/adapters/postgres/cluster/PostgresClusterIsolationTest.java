package dev.daap.adapters.postgres.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.cluster.PostgresClusterIsolation.OwnLogin;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioner;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.embedded.EmbeddedPostgres;
import dev.daap.embedded.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On a PostgreSQL 17 server of its own: revoking from PUBLIC changes {@code postgres} and {@code template1}, which the
 * other tests' server must keep as it is. One test at a time, each on databases and roles it makes first.
 */
@Execution(ExecutionMode.SAME_THREAD)
class PostgresClusterIsolationTest {
    private static final String PASSWORD = "role-password";
    private static Path folder;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        folder = Files.createTempDirectory("daap-isolation-");
        server = EmbeddedPostgres.start(folder, 0, Map.of("fsync", "off"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
        Folders.deleteTree(folder);
    }

    @Test
    void aProvisionedRoleMayConnectToItsOwnDatabaseOnlyAndDaapsOwnLoginsKeepWorking() throws Exception {
        String suffix = suffix();
        String tenant = provisioned("tenant_" + suffix);
        String neighbour = provisioned("neighbour_" + suffix);
        String app = "app_" + suffix;
        superuser("CREATE DATABASE " + app);
        // DAAP's metadata database on this server, its login neither owner nor superuser: PUBLIC let it in.
        String metadata = "meta_" + suffix;
        String daap = "daap_" + suffix;
        superuser("CREATE DATABASE " + metadata);
        superuser("CREATE ROLE " + daap + " LOGIN PASSWORD '" + PASSWORD + "'");
        OwnLogin own = PostgresClusterIsolation.ownLoginOn(as(metadata, daap));
        var isolation = new PostgresClusterIsolation(Duration.ofSeconds(5), Optional.of(own));

        List<String> stillOpen = isolation.revokePublicConnect(superuserAdmin());

        assertThat(stillOpen).isEmpty();
        for (String other : List.of("postgres", "template1", app, neighbour, metadata)) {
            assertRefused(other, tenant);
        }
        assertCanConnect(tenant, tenant);
        assertCanConnect(metadata, daap);
        assertCanConnect("postgres", EmbeddedPostgres.SUPERUSER, server.password());
    }

    @Test
    void anOwnerThatIsNoSuperuserKeepsItsMetadataDatabase() throws Exception {
        String suffix = suffix();
        String owner = "owner_" + suffix;
        String metadata = "meta_" + suffix;
        superuser("CREATE ROLE " + owner + " LOGIN PASSWORD '" + PASSWORD + "'");
        superuser("CREATE DATABASE " + metadata + " OWNER " + owner);
        OwnLogin own = PostgresClusterIsolation.ownLoginOn(as(metadata, owner));
        String tenant = provisioned("tenant_" + suffix);

        new PostgresClusterIsolation(Duration.ofSeconds(5), Optional.of(own)).revokePublicConnect(superuserAdmin());

        assertCanConnect(metadata, owner);
        assertRefused(metadata, tenant);
    }

    @Test
    void daapsLoginOnAnotherServerGetsNothingHere() throws Exception {
        String suffix = suffix();
        String metadata = "meta_" + suffix;
        String daap = "daap_" + suffix;
        superuser("CREATE DATABASE " + metadata);
        superuser("CREATE ROLE " + daap + " LOGIN PASSWORD '" + PASSWORD + "'");
        long elsewhere = PostgresClusterIsolation.ownLoginOn(as(metadata, daap)).systemIdentifier() + 1;
        var isolation = new PostgresClusterIsolation(
                Duration.ofSeconds(5), Optional.of(new OwnLogin(metadata, daap, elsewhere)));

        isolation.revokePublicConnect(superuserAdmin());

        assertRefused(metadata, daap);
    }

    @Test
    void anAdminWithoutTheOwnersRightsRevokesWhereItCanAndReportsTheRest() throws Exception {
        String suffix = suffix();
        String admin = "admin_" + suffix;
        superuser("CREATE ROLE " + admin + " LOGIN CREATEROLE CREATEDB PASSWORD '" + PASSWORD + "'");
        // An earlier test may have closed postgres to PUBLIC already, as an operator would grant it then.
        superuser("GRANT CONNECT ON DATABASE postgres TO " + admin);
        String theirs = "theirs_" + suffix;
        superuser("CREATE DATABASE " + theirs);
        String its = "its_" + suffix;
        try (Connection connection = connect("postgres", admin, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + its);
        }
        String tenant = provisioned("tenant_" + suffix);
        var adminUrl = new AdminUrl(EmbeddedPostgres.HOST, server.port(), "postgres", admin, PASSWORD, Map.of());

        List<String> stillOpen =
                new PostgresClusterIsolation(Duration.ofSeconds(5), Optional.empty()).revokePublicConnect(adminUrl);

        assertThat(stillOpen).contains(theirs).doesNotContain(its, tenant, "template0");
        assertRefused(its, tenant);
        assertCanConnect("postgres", admin);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String provisioned(String name) {
        new PostgresProvisioner(
                        as("postgres", EmbeddedPostgres.SUPERUSER, server.password()), "127.0.0.1", server.port())
                .provision(new DatabaseId(UUID.randomUUID()), new NameOnCluster(name), PASSWORD);
        return name;
    }

    private static AdminUrl superuserAdmin() {
        return new AdminUrl(
                EmbeddedPostgres.HOST,
                server.port(),
                "postgres",
                EmbeddedPostgres.SUPERUSER,
                server.password(),
                Map.of());
    }

    private static DataSource as(String database, String user) {
        return as(database, user, PASSWORD);
    }

    private static DataSource as(String database, String user, String password) {
        var source = new PGSimpleDataSource();
        source.setUrl(server.jdbcUrl(database));
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(server.jdbcUrl(database), properties);
    }

    private static void assertCanConnect(String database, String user) throws SQLException {
        assertCanConnect(database, user, PASSWORD);
    }

    private static void assertCanConnect(String database, String user, String password) throws SQLException {
        try (Connection connection = connect(database, user, password)) {
            assertThat(connection.isValid(2)).as(user + " on " + database).isTrue();
        }
    }

    /** Refused for want of CONNECT (42501), not for a wrong password: the login itself is fine. */
    private static void assertRefused(String database, String user) {
        assertThatThrownBy(() -> connect(database, user, PASSWORD).close())
                .as(user + " on " + database)
                .isInstanceOf(SQLException.class)
                .extracting(error -> ((SQLException) error).getSQLState())
                .isEqualTo("42501");
    }

    private static void superuser(String sql) throws SQLException {
        try (Connection connection = connect("postgres", EmbeddedPostgres.SUPERUSER, server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
