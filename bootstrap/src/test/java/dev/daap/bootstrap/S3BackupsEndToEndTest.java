package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.TestS3;
import dev.daap.testing.http.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * DAAP started by its own bootstrap with {@code DAAP_BACKUP_URL=s3://…} and the AWS variables pointing at a real
 * S3-compatible server (s3proxy): a backup of a database on a Debian PostgreSQL 15 cluster taken through the API
 * lands in the bucket under the prefix, encrypted and as large and hashed as its record says; it is restored into a
 * new database through the API with every row; deleting it removes the object; and the keys show in no log line,
 * even with every logger at DEBUG.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3BackupsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "daap/e2e";
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final TestS3 s3 = TestS3.shared();
    private final String bucket = s3.newBucket();
    private DebianPostgres debian;
    private RunningDaap daap;
    private Level rootLevel;

    @BeforeAll
    void daapWithAnS3Store() throws Exception {
        logged.start();
        root.addAppender(logged);
        // as DAAP_LOG_LEVEL=DEBUG would: the S3 client's own loggers must still not write its headers
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        debian = DebianPostgres.start();
        Map<String, String> env = new HashMap<>(s3.environment());
        env.put("DAAP_BACKUP_URL", "s3://" + bucket + "/" + PREFIX);
        env.put("DAAP_JOB_POLL_INTERVAL", "200ms");
        daap = RunningDaap.onFreshDatabase(env);
        daap.teamsExist("platform");
        TestResponse registered = daap.post("/v1/clusters", """
                {"name": "debian", "admin_url": "%s"}""".formatted(debian.databaseUrl()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() throws Exception {
        root.detachAppender(logged);
        root.setLevel(rootLevel);
        try {
            if (daap != null) {
                daap.close();
            }
        } finally {
            debian.close();
        }
    }

    @Test
    void aBackupTakenThroughTheApiLandsInTheBucketAndRestoresIntoANewDatabase() throws Exception {
        String source = ready(create("""
                {"name": "orders", "owner_team": "platform", "purpose": "backed up to S3", "cluster": "debian"}"""));
        execute(
                source,
                "CREATE TABLE orders (id bigserial PRIMARY KEY, note text NOT NULL)",
                "INSERT INTO orders (note) SELECT 'order ' || g || repeat(md5(g::text), 20)"
                        + " FROM generate_series(1, 20000) g");
        String before = fingerprint(source);

        TestResponse taken = daap.post("/v1/databases/" + source + "/backups");
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        String backupId = json(taken).path("id").asText();
        JsonNode backup = awaitBackup(backupId, "ready");

        Path object = s3.folderOf(bucket).resolve(PREFIX).resolve(backupId + ".dump.daapenc");
        byte[] stored = Files.readAllBytes(object);
        assertThat(backup.path("size_bytes").asLong()).isEqualTo(stored.length);
        assertThat(backup.path("sha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .as("encrypted")
                .doesNotContain("PGDMP")
                .doesNotContain("order 1");

        String restored = ready(create("""
                {"name": "orders-restored", "owner_team": "platform", "purpose": "restored from S3",
                 "cluster": "debian", "source": {"backup_id": "%s"}}""".formatted(backupId)));
        assertThat(fingerprint(restored)).isEqualTo(before);

        TestResponse deleted = daap.delete("/v1/backups/" + backupId);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> daap.get("/v1/backups/" + backupId).status() == 404);
        assertThat(object).doesNotExist();

        String everything = String.join(
                "\n",
                logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(everything).contains("Backups go to the S3 store s3://" + bucket + "/" + PREFIX);
        assertThat(everything).doesNotContain(TestS3.SECRET_ACCESS_KEY).doesNotContain(TestS3.ACCESS_KEY_ID);
    }

    private String create(String body) {
        TestResponse response = daap.post("/v1/databases", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asText();
    }

    private String ready(String id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonNode database = json(daap.get("/v1/databases/" + id));
                            assertThat(database.path("status").asText())
                                    .as(database.path("failure_reason").asText())
                                    .isNotEqualTo("failed");
                            return database.path("status").asText();
                        },
                        "ready"::equals);
        return id;
    }

    private JsonNode awaitBackup(String id, String status) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonNode backup = json(daap.get("/v1/backups/" + id));
                            assertThat(backup.path("status").asText())
                                    .as(backup.path("failure_reason").asText())
                                    .isNotEqualTo("failed");
                            return backup.path("status").asText();
                        },
                        status::equals);
        return json(daap.get("/v1/backups/" + id));
    }

    private String fingerprint(String database) throws SQLException {
        try (Connection session = connect(database);
                var rows = session.createStatement()
                        .executeQuery("SELECT count(*) || ' ' || md5(string_agg(id || note, ',' ORDER BY id)),"
                                + " (SELECT last_value FROM orders_id_seq) FROM orders")) {
            rows.next();
            return rows.getString(1) + " " + rows.getLong(2);
        }
    }

    private void execute(String database, String... statements) throws SQLException {
        try (Connection session = connect(database);
                var statement = session.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        JsonNode credentials = json(daap.get("/v1/databases/" + database + "/credentials"));
        return DriverManager.getConnection(
                "jdbc:postgresql://" + credentials.path("host").asText() + ":"
                        + credentials.path("port").asInt() + "/"
                        + credentials.path("database").asText(),
                credentials.path("username").asText(),
                credentials.path("password").asText());
    }

    private static JsonNode json(TestResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
