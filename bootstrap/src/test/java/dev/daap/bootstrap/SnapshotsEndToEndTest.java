package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.TestResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshots, restores and clones from the API to a real PostgreSQL and back: what a snapshot holds, a restore that is
 * undone again with the same credentials, clones that are independent of their source, and the copies kept while
 * the database is deleted (and restorable) and gone from the cluster with its purge.
 */
class SnapshotsEndToEndTest {
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void aSnapshotHoldsWhatWasWrittenBeforeItARestoreIsUndoneAndClonesAreIndependent() throws Exception {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of("DAAP_JOB_POLL_INTERVAL", "1s"))) {
            daap.teamsExist("platform");
            String id = create(daap, "snap-" + Long.toHexString(System.nanoTime()), null);
            String path = "/v1/databases/" + id;
            JsonNode credentials = daap.get(path + "/credentials").json();
            execute(credentials, "CREATE TABLE orders (id int PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2)");

            JsonNode snapshot = awaitSnapshot(daap, path, takeSnapshot(daap, path, "two orders"));
            assertThat(snapshot.get("size_bytes").asLong()).isPositive();
            assertThat(snapshot.get("unavailable_ms").asLong()).isNotNegative();
            String snapshotName = "daap.snapshot." + snapshot.get("id").asText().replace("-", "");
            assertThat(onCluster(
                            "SELECT count(*) FROM pg_database WHERE datname = ? AND NOT datallowconn", snapshotName))
                    .as("the copy exists and nobody may log in to it")
                    .isEqualTo(1);
            execute(credentials, "INSERT INTO orders VALUES (3)");

            String fromSnapshot =
                    create(daap, "from-snap-" + Long.toHexString(System.nanoTime()), source(id, snapshot));
            JsonNode cloneCredentials =
                    daap.get("/v1/databases/" + fromSnapshot + "/credentials").json();
            assertThat(cloneCredentials.get("username").asText())
                    .isNotEqualTo(credentials.get("username").asText());
            assertThat(orders(cloneCredentials))
                    .as("the snapshot holds nothing written after it")
                    .containsExactly(1, 2);
            execute(cloneCredentials, "INSERT INTO orders VALUES (100)");

            String fromDatabase = create(daap, "from-db-" + Long.toHexString(System.nanoTime()), source(id, null));
            JsonNode liveClone =
                    daap.get("/v1/databases/" + fromDatabase + "/credentials").json();
            assertThat(orders(liveClone)).containsExactly(1, 2, 3);
            execute(liveClone, "INSERT INTO orders VALUES (200)", "CREATE TABLE extra (id int)");
            execute(credentials, "INSERT INTO orders VALUES (4)");
            assertThat(orders(credentials))
                    .as("the source sees no clone's writes")
                    .containsExactly(1, 2, 3, 4);
            assertThat(orders(liveClone))
                    .as("a clone sees none of the source's")
                    .containsExactly(1, 2, 3, 200);
            assertThat(orders(cloneCredentials)).containsExactly(1, 2, 100);

            JsonNode kept = restore(daap, path, snapshot.get("id").asText());
            assertThat(kept.get("restore_of").asText())
                    .isEqualTo(snapshot.get("id").asText());
            assertThat(orders(credentials))
                    .as("restored, with the same credentials")
                    .containsExactly(1, 2);
            execute(credentials, "INSERT INTO orders VALUES (5)"); // the role still owns its table

            restore(daap, path, kept.get("id").asText());
            assertThat(orders(credentials)).as("the restore undone").containsExactly(1, 2, 3, 4);
            assertThat(daap.get(path + "/snapshots").json().get("items")).hasSize(3);

            TestResponse deleting =
                    daap.delete(path + "/snapshots/" + snapshot.get("id").asText());
            assertThat(deleting.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            daap.get(path + "/snapshots/" + snapshot.get("id").asText())
                                            .status()
                                    == 404);
            assertThat(onCluster("SELECT count(*) FROM pg_database WHERE datname = ?", snapshotName))
                    .isZero();

            String role = credentials.get("username").asText();
            String parked = NameOnCluster.parked(DatabaseId.parse(id)).value();
            String copiesOf = "SELECT count(*) FROM pg_database WHERE datname LIKE 'daap.snapshot.%' AND"
                    + " datdba = (SELECT oid FROM pg_roles WHERE rolname = ?)";
            assertThat(daap.delete(path).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> daap.get(path).json().get("status").asText().equals("deleted"));
            assertThat(onCluster(copiesOf, parked))
                    .as("a deleted database keeps its snapshots while it can be restored")
                    .isEqualTo(2);
            TestResponse refused = daap.post(path + "/snapshots", "{}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("type").asText()).endsWith("/illegal-transition");

            assertThat(daap.delete(path + "?purge=true").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> daap.get(path).json().get("status").asText().equals("purged"));
            for (String name : List.of(role, parked)) {
                assertThat(onCluster(copiesOf, name))
                        .as("its snapshots went with it")
                        .isZero();
                assertThat(onCluster("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                        .isZero();
            }
            assertThat(orders(liveClone)).as("the clones outlive their source").containsExactly(1, 2, 3, 200);
            assertThat(orders(cloneCredentials)).containsExactly(1, 2, 100);
        }
    }

    private static String takeSnapshot(RunningDaap daap, String path, String description) {
        TestResponse taken = daap.post(path + "/snapshots", "{\"description\": \"" + description + "\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        return taken.json().get("id").asText();
    }

    private static JsonNode restore(RunningDaap daap, String path, String snapshot) {
        TestResponse restoring = daap.post(path + "/snapshots/" + snapshot + "/restore");
        assertThat(restoring.status()).as(restoring.body()).isEqualTo(202);
        return awaitSnapshot(daap, path, restoring.json().get("id").asText());
    }

    private static JsonNode awaitSnapshot(RunningDaap daap, String path, String snapshot) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> daap.get(path + "/snapshots/" + snapshot).json(), body -> {
                    assertThat(body.get("status").asText()).as(body.toString()).isNotEqualTo("failed");
                    return body.get("status").asText().equals("ready");
                });
    }

    private static String source(String database, JsonNode snapshot) {
        return ", \"source\": {\"database_id\": \"" + database + "\""
                + (snapshot == null
                        ? ""
                        : ", \"snapshot_id\": \"" + snapshot.get("id").asText() + "\"") + "}";
    }

    /** Creates a database (a clone, with {@code source}) and waits until it is ready; returns its id. */
    private static String create(RunningDaap daap, String name, String source) {
        TestResponse created = daap.post(
                "/v1/databases",
                "{\"name\": \"" + name + "\", \"owner_team\": \"platform\", \"purpose\": \"snapshots\""
                        + (source == null ? "" : source) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> daap.get("/v1/databases/" + id).json(), body -> {
                    assertThat(body.get("status").asText()).as(body.toString()).isNotEqualTo("failed");
                    return body.get("status").asText().equals("ready");
                });
        return id;
    }

    private static void execute(JsonNode credentials, String... statements) throws SQLException {
        try (Connection session = connect(credentials);
                var statement = session.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<Integer> orders(JsonNode credentials) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection session = connect(credentials);
                var statement = session.createStatement();
                var rows = statement.executeQuery("SELECT id FROM orders ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private static Connection connect(JsonNode credentials) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + credentials.get("host").asText() + ":"
                        + credentials.get("port").asInt() + "/"
                        + credentials.get("database").asText(),
                credentials.get("username").asText(),
                credentials.get("password").asText());
    }

    private long onCluster(String sql, String name) throws SQLException {
        try (Connection admin = postgres.dataSource("postgres").getConnection();
                var statement = admin.prepareStatement(sql)) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
