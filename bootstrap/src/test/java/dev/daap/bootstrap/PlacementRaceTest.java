package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.http.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Creates racing for a cluster's last places, through the API and on PostgreSQL: each takes its place by one
 * UPDATE of the cluster's row, which holds the row until its transaction commits, so the count never goes past
 * max_databases however the 40 transactions interleave; and a create refused after taking its place gives it back.
 */
class PlacementRaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fortyConcurrentCreatesForTenPlacesMakeExactlyTen() throws Exception {
        try (RunningDaap daap =
                RunningDaap.onFreshDatabase(Map.of("DAAP_WORKERS", "0", "DB_MAX_CONNS", "40", "DB_MIN_CONNS", "40"))) {
            assertThat(daap.patch("/v1/clusters/default", "{\"max_databases\": 10}")
                            .status())
                    .isEqualTo(200);
            var start = new CountDownLatch(1);
            List<Future<TestResponse>> creates;
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                creates = IntStream.range(0, 40)
                        .mapToObj(i -> threads.submit(() -> {
                            start.await();
                            return daap.post("/v1/databases", """
                                    {"name": "race-%d", "owner_team": "payments", "purpose": "race"}""".formatted(i));
                        }))
                        .toList();
                start.countDown();
            }

            List<Integer> statuses =
                    creates.stream().map(PlacementRaceTest::status).toList();
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(30);
            var cluster = JSON.readTree(daap.get("/v1/clusters/default").body());
            assertThat(cluster.get("database_count").asInt()).isEqualTo(10);
            var listed = JSON.readTree(
                    daap.get("/v1/databases?q=race-&page_size=100").body());
            assertThat(listed.get("items")).hasSize(10);
            creates.stream()
                    .map(PlacementRaceTest::body)
                    .filter(body -> body.contains("no-capacity"))
                    .forEach(body -> assertThat(body).contains("\"reason\":\"full\""));

            assertThat(daap.patch("/v1/clusters/default", "{\"max_databases\": 11}")
                            .status())
                    .isEqualTo(200);
            String taken = listed.get("items").get(0).get("name").asText();
            assertThat(daap.post("/v1/databases", """
                            {"name": "%s", "owner_team": "payments", "purpose": "again"}""".formatted(taken)).body()).contains("name-taken");
            assertThat(JSON.readTree(daap.get("/v1/clusters/default").body())
                            .get("database_count")
                            .asInt())
                    .as("the refused create's place was taken first, and given back by its rollback")
                    .isEqualTo(10);
            assertThat(daap.post("/v1/databases", """
                            {"name": "race-last", "owner_team": "payments", "purpose": "race"}""").status()).isEqualTo(201);
        }
    }

    private static int status(Future<TestResponse> create) {
        try {
            return create.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(Future<TestResponse> create) {
        try {
            return create.get().body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
