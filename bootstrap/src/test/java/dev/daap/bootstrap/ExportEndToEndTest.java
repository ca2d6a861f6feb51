package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An export of 200,000 databases from DAAP in a process of its own with the heap of jvm.options (224 MB): every
 * row arrives, in order, while the server holds only what its cursor and buffer hold. Read into memory at once, the
 * rows (with their jOOQ records and JSON) would not fit that heap.
 */
class ExportEndToEndTest {
    private static final int ROWS = 200_000;

    @Test
    void twoHundredThousandRowsStreamAsCsvUnderTheDefaultHeap() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase("export");
        Map<String, String> env = Map.of(
                "PORT",
                "0",
                "DATABASE_URL",
                "postgres://" + postgres.user() + ":" + postgres.password() + "@" + postgres.host() + ":"
                        + postgres.port() + "/" + database,
                "DB_MIN_CONNS",
                "1",
                "DB_MAX_CONNS",
                "4",
                "DAAP_WORKERS",
                "0",
                "DAAP_SECRET_KEY",
                RunningDaap.TEST_KEY,
                DaapConfig.ADMIN_TOKEN,
                RunningDaap.ADMIN_TOKEN);
        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx224m", "-XX:+UseSerialGC"), env)) {
            int port = Integer.parseInt(serve.await(ServeProcess.READY));
            load(postgres.dataSource(database));

            HttpResponse<Stream<String>> export = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/databases?sort=name"))
                                    .header("Authorization", "Bearer " + RunningDaap.ADMIN_TOKEN)
                                    .header("Accept", "text/csv")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());

            assertThat(export.statusCode()).isEqualTo(200);
            int rows = 0;
            int outOfOrder = 0;
            String previous = "";
            try (Stream<String> lines = export.body()) {
                Iterator<String> each = lines.iterator();
                assertThat(each.next()).startsWith("id,name,owner_team,");
                while (each.hasNext()) {
                    String name = each.next().split(",")[1];
                    if (name.compareTo(previous) <= 0) {
                        outOfOrder++;
                    }
                    previous = name;
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(outOfOrder).isZero();
            assertThat(serve.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** As bench/run loads its databases: one INSERT … SELECT over generate_series. */
    private static void load(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('export-team', 'Export')");
            statement.execute("""
                    INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, labels,
                                                created_at, updated_at)
                    SELECT gen_random_uuid(), 'export-' || lpad(n::text, 6, '0'), 'export-' || lpad(n::text, 6, '0'),
                           'export-team',
                           'Stores ' || md5(n::text) || ', for "service" ' || (n % 977),
                           'ready', jsonb_build_object('env', 'prod', 'shard', 'shard-' || (n % 977)),
                           now(), now()
                    FROM generate_series(1, ROWS) AS n""".replace("ROWS", Integer.toString(ROWS)));
        }
    }
}
