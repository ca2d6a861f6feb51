package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.TestResponse;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * The fleet on three real clusters: {@code default}, the PostgreSQL 17 that DAAP itself runs on, and two Debian
 * PostgreSQL 15 servers started here, one registered with its superuser, one with a role that only has CREATEROLE
 * and CREATEDB. Databases go where placement says and are reachable with their credentials; registration refuses
 * admin URLs it cannot use; and no admin URL or password shows up in any answer, log line, audit entry or event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLEET_ADMIN_PASSWORD = "fleet-admin-pw-7c41";
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger daapLogs = (Logger) LoggerFactory.getLogger("dev.daap");
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private DebianPostgres first;
    private DebianPostgres second;
    private AdminUrl firstAdmin;
    private AdminUrl secondSuperuser;
    private RunningDaap daap;

    @BeforeAll
    void threeClusters() throws Exception {
        logged.start();
        root.addAppender(logged);
        daapLogs.setLevel(Level.DEBUG); // problem details and every other debug line are checked too
        first = DebianPostgres.start();
        second = DebianPostgres.start();
        firstAdmin = AdminUrl.parse(first.databaseUrl());
        secondSuperuser = AdminUrl.parse(second.databaseUrl());
        execute(
                secondSuperuser,
                "CREATE ROLE fleet_admin LOGIN CREATEROLE CREATEDB PASSWORD '" + FLEET_ADMIN_PASSWORD + "'");
        execute(firstAdmin, "CREATE ROLE weak_admin LOGIN CREATEROLE PASSWORD 'weak-admin-pw'");
        // Registering eu-1 closes `postgres` there to PUBLIC: weak_admin needs CONNECT of its own to be refused
        // for what it lacks (CREATEDB), not for where it logs in.
        execute(firstAdmin, "GRANT CONNECT ON DATABASE postgres TO weak_admin");
        secrets.addAll(List.of(
                firstAdmin.password(),
                FLEET_ADMIN_PASSWORD,
                "weak-admin-pw",
                TestPostgres.shared().password()));
        daap = RunningDaap.onFreshDatabase(Map.of("DAAP_JOB_POLL_INTERVAL", "200ms"));
        daap.teamsExist("platform");
        register("""
                {"name": "eu-1", "admin_url": "%s", "region": "eu-west-1", "labels": {"tier": "gold"}}""".formatted(first.databaseUrl()));
        register("""
                {"name": "eu-2", "admin_url": "postgres://fleet_admin:%s@127.0.0.1:%d/postgres",
                 "region": "eu-west-1", "labels": {"tier": "silver"}, "connect_sslmode": "disable"}""".formatted(FLEET_ADMIN_PASSWORD, secondSuperuser.port()));
    }

    @AfterAll
    void stopAll() throws Exception {
        root.detachAppender(logged);
        daapLogs.setLevel(null);
        try (var a = daap;
                var b = first;
                var c = second) {
            // closes all three, in reverse order
        }
    }

    @Test
    @Order(1)
    void aDatabaseOnEachOfTheThreeClustersIsReachableWithItsCredentials() throws Exception {
        Map<String, Integer> majorVersions = Map.of("default", 17, "eu-1", 15, "eu-2", 15);
        for (var cluster : majorVersions.entrySet()) {
            String name = "on-" + cluster.getKey();
            JsonNode created = created(post("/v1/databases", """
                    {"name": "%s", "owner_team": "platform", "purpose": "fleet", "cluster": "%s"}""".formatted(name, cluster.getKey())));
            assertThat(created.path("cluster").asText()).isEqualTo(cluster.getKey());
            awaitStatus(created.path("id").asText(), "ready");

            JsonNode credentials =
                    json(get("/v1/databases/" + created.path("id").asText() + "/credentials"));
            assertThat(credentials.path("database").asText()).isEqualTo("platform_" + name.replace('-', '_'));
            try (Connection session = connect(credentials);
                    var rows = session.createStatement()
                            .executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
                rows.next();
                assertThat(rows.getInt(1)).as(cluster.getKey()).isEqualTo(cluster.getValue());
            }
        }
        JsonNode onEu2 = json(get("/v1/databases?q=on-eu-2")).path("items").get(0);
        assertThat(onEu2.path("connection").path("sslmode").asText()).isEqualTo("disable");
        assertThat(json(get("/v1/databases/" + onEu2.path("id").asText() + "/credentials"))
                        .path("uri")
                        .asText())
                .endsWith("?sslmode=disable");
        assertThat(json(get("/v1/clusters/eu-1")).path("database_count").asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void registeringAClusterClosesItsOtherDatabasesToTheTenantsItProvisions() throws Exception {
        // This DAAP started before eu-1 and eu-2 existed: what is closed on them, registration closed.
        JsonNode created = created(post("/v1/databases", """
                {"name": "closed-in", "owner_team": "platform", "purpose": "isolation", "cluster": "eu-1"}"""));
        awaitStatus(created.path("id").asText(), "ready");
        JsonNode credentials = json(get("/v1/databases/" + created.path("id").asText() + "/credentials"));

        for (String other : List.of("postgres", "template1")) {
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://127.0.0.1:" + firstAdmin.port() + "/" + other,
                                    credentials.path("username").asText(),
                                    credentials.path("password").asText())
                            .close())
                    .as(other)
                    .hasMessageContaining("permission denied for database");
        }
        assertThat(json(get("/v1/clusters/eu-1")).path("health").path("public_connect_databases"))
                .as("a superuser admin closed them all")
                .isEmpty();
        assertThat(json(get("/v1/clusters/eu-2")).path("health").path("public_connect_databases"))
                .extracting(JsonNode::asText)
                .as("an admin that owns neither cannot close them, and the health says so")
                .contains("postgres", "template1");
    }

    @Test
    @Order(3)
    void registrationRefusesAnAdminUrlThatDoesNotConnectOrMayNotCreateRolesAndDatabases() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "postgres://admin:nowhere-pw@127.0.0.1:" + closedPort + "/postgres";
        String wrongPassword = "postgres://postgres:not-the-password@127.0.0.1:" + firstAdmin.port() + "/postgres";
        String weak = "postgres://weak_admin:weak-admin-pw@127.0.0.1:" + firstAdmin.port() + "/postgres";
        secrets.addAll(List.of("nowhere-pw", "not-the-password"));

        assertThat(refusal(unreachable)).contains("cannot reach");
        assertThat(refusal(wrongPassword)).contains("rejected the admin login").doesNotContain("postgres:");
        assertThat(refusal(weak)).contains("CREATEROLE and CREATEDB").doesNotContain("weak_admin");
        assertThat(get("/v1/clusters/refused").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void usersOfEachLevelWorkOnDebian15WithAnAdminThatIsNoSuperuser() throws Exception {
        JsonNode created = created(post("/v1/databases", """
                {"name": "users-db", "owner_team": "platform", "purpose": "users", "cluster": "eu-2"}"""));
        String path = "/v1/databases/" + created.path("id").asText();
        awaitStatus(created.path("id").asText(), "ready");
        // Answers with a password are not kept in `answers`: the last test looks for these passwords there.
        JsonNode owner = json(daap.get(path + "/credentials"));
        secrets.add(owner.path("password").asText());
        try (Connection session = connect(owner)) {
            session.createStatement().execute("CREATE TABLE orders (id serial PRIMARY KEY, item text)");
            session.createStatement().execute("INSERT INTO orders (item) VALUES ('tea')");
        }
        JsonNode reader = userCredentials(path, "reporting", "read_only");
        JsonNode writer = userCredentials(path, "app", "read_write");

        try (Connection session = connect(reader)) {
            var rows = session.createStatement().executeQuery("SELECT item FROM orders");
            assertThat(rows.next()).isTrue();
            assertThatThrownBy(() -> session.createStatement().execute("INSERT INTO orders (item) VALUES ('x')"))
                    .extracting(error -> ((SQLException) error).getSQLState())
                    .isEqualTo("42501");
        }
        try (Connection session = connect(writer)) {
            session.createStatement().execute("INSERT INTO orders (item) VALUES ('coffee')");
            assertThatThrownBy(() -> session.createStatement().execute("CREATE TABLE mine (id int)"))
                    .extracting(error -> ((SQLException) error).getSQLState())
                    .isEqualTo("42501");
        }
        JsonNode rotated = json(daap.post(path + "/users/owner/credentials/rotate", "{\"overlap\": \"1h\"}"));
        JsonNode newOwner = rotated.path("current");
        secrets.add(newOwner.path("password").asText());
        try (Connection before = connect(owner);
                Connection after = connect(newOwner)) {
            assertThat(before.isValid(2))
                    .as("the previous login, in its overlap")
                    .isTrue();
            after.createStatement().execute("CREATE TABLE later (n int)");
            var rows =
                    after.createStatement().executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'later'");
            rows.next();
            assertThat(rows.getString(1)).startsWith("daap.").endsWith(".owner");
        }
        try (Connection session = connect(reader)) {
            assertThat(session.createStatement()
                            .executeQuery("SELECT count(*) FROM later")
                            .next())
                    .as("made after the reader, readable without a GRANT")
                    .isTrue();
        }
    }

    /** A new user of the database, once ready: its current credentials. */
    private JsonNode userCredentials(String database, String name, String access) {
        JsonNode created = created(daap.post(database + "/users", """
                {"name": "%s", "access": "%s"}""".formatted(name, access)));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> json(daap.get(database + "/users/" + name))
                                .path("status")
                                .asText(),
                        "ready"::equals);
        JsonNode current = created.path("credentials").path("current");
        secrets.add(current.path("password").asText());
        return current;
    }

    @Test
    @Order(5)
    void placementFollowsRegionAndLabelsPassesOverCordonedAndFullClustersAndSaysWhy() throws Exception {
        JsonNode silver = created(post("/v1/databases", """
                {"name": "silver-db", "owner_team": "platform", "purpose": "p",
                 "placement": {"region": "eu-west-1", "labels": {"tier": "silver"}}}"""));
        assertThat(silver.path("cluster").asText()).isEqualTo("eu-2");

        long version = json(get("/v1/clusters/eu-2")).path("version").asLong();
        TestResponse cordoned =
                seen(daap.patch("/v1/clusters/eu-2", "{\"state\": \"cordoned\"}", "If-Match", "\"" + version + "\""));
        assertThat(cordoned.status()).isEqualTo(200);
        assertThat(reasons(post("/v1/databases", """
                        {"name": "silver-two", "owner_team": "platform", "purpose": "p",
                         "placement": {"labels": {"tier": "silver"}}}""")))
                .containsExactly("default:labels", "eu-1:labels", "eu-2:cordoned");
        seen(daap.patch("/v1/clusters/eu-2", "{\"state\": \"active\"}"));

        int onEu1 = json(get("/v1/clusters/eu-1")).path("database_count").asInt();
        seen(daap.patch("/v1/clusters/eu-1", "{\"max_databases\": " + onEu1 + "}"));
        assertThat(reasons(post("/v1/databases", """
                        {"name": "gold-two", "owner_team": "platform", "purpose": "p",
                         "placement": {"region": "eu-west-1", "labels": {"tier": "gold"}}}"""))).containsExactly("default:region", "eu-1:full", "eu-2:labels");

        TestResponse notEmpty = seen(daap.delete("/v1/clusters/eu-1"));
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.body()).contains("cluster-not-empty");
    }

    @Test
    @Order(6)
    void noAdminUrlOrPasswordIsInAnyAnswerLogLineAuditEntryOrEvent() {
        answers.add(get("/v1/audit-events?page_size=500").body());
        answers.add(get("/v1/events?format=json&limit=500").body());
        answers.add(get("/v1/clusters").body());
        String everything = String.join("\n", answers) + "\n"
                + String.join(
                        "\n",
                        logged.list.stream()
                                .map(ILoggingEvent::getFormattedMessage)
                                .toList());

        assertThat(logged.list).as("the log was captured").isNotEmpty();
        assertThat(everything).contains("cluster.register", "eu-2");
        for (String secret : secrets) {
            assertThat(everything).as("a password").doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("postgres://", "postgresql://postgres", "fleet_admin:");
    }

    private void register(String body) {
        TestResponse response = post("/v1/clusters", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private String refusal(String adminUrl) {
        TestResponse response = post("/v1/clusters", """
                {"name": "refused", "admin_url": "%s"}""".formatted(adminUrl));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("admin_url");
        return problem.path("errors").get(0).path("message").asText();
    }

    private List<String> reasons(TestResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        List<String> reasons = new ArrayList<>();
        json(response)
                .path("candidates")
                .forEach(candidate -> reasons.add(candidate.path("cluster").asText() + ":"
                        + candidate.path("reason").asText()));
        return reasons;
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> json(daap.get("/v1/databases/" + id))
                                .path("status")
                                .asText(),
                        status::equals);
    }

    private TestResponse post(String path, String body) {
        return seen(daap.post(path, body));
    }

    private TestResponse get(String path) {
        return seen(daap.get(path));
    }

    private TestResponse seen(TestResponse response) {
        answers.add(response.body());
        return response;
    }

    private static JsonNode created(TestResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static JsonNode json(TestResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Connection connect(JsonNode credentials) throws SQLException {
        String sslmode = credentials.path("sslmode").isNull()
                ? ""
                : "?sslmode=" + credentials.path("sslmode").asText();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + credentials.path("host").asText() + ":"
                        + credentials.path("port").asInt() + "/"
                        + credentials.path("database").asText() + sslmode,
                credentials.path("username").asText(),
                credentials.path("password").asText());
    }

    private static void execute(AdminUrl admin, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + admin.database(),
                        admin.user(),
                        admin.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
