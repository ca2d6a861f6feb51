package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The quick start stays as it was: an installation from before the fleet, or a new one, gets the cluster
 * {@code default} at start-up, from PROVISIONER_DATABASE_URL or DAAP's own server, and its databases from before
 * belong to it with the names they have there; instances that start together register it once.
 */
class DefaultClusterStartupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void databasesFromBeforeTheFleetBelongToTheDefaultClusterWithTheirOwnNames() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        DataSource dataSource = dataSourceOf(env);
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        migrator.up();
        migrator.down(changesets.size() - changesets.indexOf("0035-clusters-table"));
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout');
                INSERT INTO daap.databases (id, name, owner_team, purpose, status, host, port, database_name, username,
                                            created_at, updated_at, deleted_at)
                VALUES ('019ab3c4-0000-7000-8000-000000000001', 'orders', 'checkout', 'old', 'ready',
                        '127.0.0.1', 5432, 'orders', 'orders', now(), now(), NULL),
                       ('019ab3c4-0000-7000-8000-000000000002', 'carts', 'checkout', 'old', 'failed',
                        NULL, NULL, NULL, NULL, now(), now(), NULL),
                       ('019ab3c4-0000-7000-8000-000000000003', 'gone', 'checkout', 'old', 'deleted',
                        NULL, NULL, NULL, NULL, now(), now(), now())""");

        try (RunningDaap daap = RunningDaap.start(env)) {
            JsonNode cluster = json(daap.get("/v1/clusters/default").body());
            assertThat(cluster.get("database_count").asInt())
                    .as("the live ones")
                    .isEqualTo(2);
            assertThat(cluster.get("health").get("status").asText()).isEqualTo("up");
            assertThat(cluster.get("connect_host").asText()).isEqualTo(postgres.host());
            assertThat(cluster.get("connect_port").asInt()).isEqualTo(postgres.port());
            JsonNode orders = json(daap.get("/v1/databases/019ab3c4-0000-7000-8000-000000000001")
                    .body());
            assertThat(orders.get("cluster").asText()).isEqualTo("default");
            assertThat(orders.get("connection").get("database").asText()).isEqualTo("orders");
            assertThat(rows(dataSource, "SELECT name_on_cluster FROM daap.databases WHERE name = 'orders'"))
                    .containsExactly("orders");
            JsonNode audit =
                    json(daap.get("/v1/audit-events?resource_type=cluster").body());
            assertThat(audit.get("items").get(0).get("actor").get("type").asText())
                    .isEqualTo("daap");

            JsonNode another = json(daap.post("/v1/databases", """
                            {"name": "orders", "owner_team": "payments", "purpose": "the same name, another team"}""").body());
            assertThat(another.get("cluster").asText()).isEqualTo("default");
        }
        try (RunningDaap again = RunningDaap.start(env)) {
            assertThat(json(again.get("/v1/clusters").body()).get("items"))
                    .as("a later start registers nothing")
                    .hasSize(1);
        }
    }

    @Test
    void instancesStartingTogetherRegisterOneDefaultCluster() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        List<Future<RunningDaap>> instances;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            instances =
                    List.of(threads.submit(() -> RunningDaap.start(env)), threads.submit(() -> RunningDaap.start(env)));
        }
        try (RunningDaap first = instances.get(0).get();
                RunningDaap second = instances.get(1).get()) {
            assertThat(json(first.get("/v1/clusters").body()).get("items")).hasSize(1);
            assertThat(rows(dataSourceOf(env), "SELECT count(*) FROM daap.clusters"))
                    .containsExactly("1");
            assertThat(second.get("/v1/clusters/default").status()).isEqualTo(200);
        }
    }

    @Test
    void theAdvertisedHostIsWhereClientsOfTheDefaultClusterConnect() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_ADVERTISED_HOST", "db.example.internal");

        try (RunningDaap daap = RunningDaap.start(env)) {
            JsonNode cluster = json(daap.get("/v1/clusters/default").body());
            assertThat(cluster.get("connect_host").asText()).isEqualTo("db.example.internal");
            assertThat(cluster.get("connect_port").asInt()).isEqualTo(postgres.port());
        }
    }

    private DataSource dataSourceOf(Map<String, String> env) {
        String path = URI.create(env.get("DATABASE_URL")).getPath();
        return postgres.dataSource(path.substring(1));
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            var rows = new java.util.ArrayList<String>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
