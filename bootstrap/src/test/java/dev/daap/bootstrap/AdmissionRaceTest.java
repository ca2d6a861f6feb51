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
 * Creates of one team racing for the last of its quota or budget, through the API and on PostgreSQL: admission locks
 * the team's row until the create commits, so requests that each fit but not together are admitted one at a time
 * and the later ones see the earlier ones' databases.
 */
class AdmissionRaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twentyConcurrentCreatesForABudgetThatFitsOneMakeExactlyOne() throws Exception {
        try (RunningDaap daap =
                RunningDaap.onFreshDatabase(Map.of("DAAP_WORKERS", "0", "DB_MAX_CONNS", "24", "DB_MIN_CONNS", "2"))) {
            TestResponse quote = daap.post("/v1/databases?dry_run=true", create("probe"));
            assertThat(quote.status()).as(quote.body()).isEqualTo(200);
            String oneDatabase = JSON.readTree(quote.body()).get("this_request").asText();
            assertThat(daap.patch("/v1/teams/payments", """
                            {"monthly_budget": {"amount": "%s", "currency": "EUR"}}""".formatted(oneDatabase))
                            .status())
                    .isEqualTo(200);

            List<Integer> statuses = race(daap, 20);

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
            assertThat(JSON.readTree(daap.get("/v1/databases?owner_team=payments")
                                    .body())
                            .get("items"))
                    .hasSize(1);
        }
    }

    @Test
    void twentyConcurrentCreatesForAQuotaOfThreeMakeExactlyThree() throws Exception {
        try (RunningDaap daap =
                RunningDaap.onFreshDatabase(Map.of("DAAP_WORKERS", "0", "DB_MAX_CONNS", "24", "DB_MIN_CONNS", "2"))) {
            assertThat(daap.patch("/v1/teams/payments", "{\"max_databases\": 3}")
                            .status())
                    .isEqualTo(200);

            List<Integer> statuses = race(daap, 20);

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(17);
            assertThat(JSON.readTree(daap.get("/v1/databases?owner_team=payments")
                                    .body())
                            .get("items"))
                    .hasSize(3);
        }
    }

    private static List<Integer> race(RunningDaap daap, int requests) {
        var start = new CountDownLatch(1);
        List<Future<TestResponse>> creates;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            creates = IntStream.range(0, requests)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return daap.post("/v1/databases", create("race-" + i));
                    }))
                    .toList();
            start.countDown();
        }
        return creates.stream().map(AdmissionRaceTest::status).toList();
    }

    private static String create(String name) {
        return "{\"name\": \"" + name + "\", \"owner_team\": \"payments\", \"purpose\": \"race\"}";
    }

    private static int status(Future<TestResponse> create) {
        try {
            return create.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
