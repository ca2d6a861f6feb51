package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.testing.http.TestResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthApiTest {

    @Test
    void liveSaysUp() {
        try (TestApi api = TestApi.start()) {
            TestResponse response = api.get("/health/live");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
        }
    }

    @Test
    void readyReportsTheChecks() {
        try (TestApi api = TestApi.start(() -> new Readiness(true, Map.of("database", "ok", "migrations", "ok")))) {
            TestResponse response = api.get("/health/ready");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("ready");
            assertThat(response.json().path("checks").path("migrations").asText())
                    .isEqualTo("ok");
        }
    }

    @Test
    void notReadyIsA503WithTheFailingCheck() {
        try (TestApi api = TestApi.start(() -> new Readiness(false, Map.of("database", "unreachable")))) {
            TestResponse response = api.get("/health/ready");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().path("status").asText()).isEqualTo("unavailable");
            assertThat(response.json().path("checks").path("database").asText()).isEqualTo("unreachable");
        }
    }

    @Test
    void aCheckThatThrowsMeansNotReady() {
        try (TestApi api = TestApi.start(() -> {
            throw new IllegalStateException("pool closed");
        })) {
            TestResponse response = api.get("/health/ready");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().path("status").asText()).isEqualTo("unavailable");
            assertThat(response.body()).doesNotContain("pool closed");
        }
    }

    @Test
    void healthIsOutsideTheVersionedApi() {
        try (TestApi api = TestApi.start()) {
            assertThat(api.get("/v1/health/live").status()).isEqualTo(404);
        }
    }

    @Test
    void anInstanceThatCannotServeAnswers503UnderV1AndStaysLive() {
        String reason = "schema daap was not current when this instance started: run `daap migrate up`, then restart";
        ReadinessCheck unavailable = new ReadinessCheck() {
            @Override
            public Readiness check() {
                return new Readiness(false, Map.of("migrations", reason));
            }

            @Override
            public Optional<String> refusal() {
                return Optional.of(reason);
            }
        };
        try (TestApi api = TestApi.start(unavailable)) {
            TestResponse list = api.get("/v1/databases");
            assertThat(list.status()).isEqualTo(503);
            assertThat(list.contentType()).startsWith("application/problem+json");
            assertThat(list.json().path("type").asText()).endsWith("/service-unavailable");
            assertThat(list.json().path("detail").asText()).isEqualTo(reason);
            assertThat(api.as(null).get("/v1/me").status())
                    .as("before authentication, which would read the keys' table")
                    .isEqualTo(503);

            assertThat(api.get("/health/ready").status()).isEqualTo(503);
            assertThat(api.get("/health/ready")
                            .json()
                            .path("checks")
                            .path("migrations")
                            .asText())
                    .isEqualTo(reason);
            assertThat(api.get("/health/live").status()).isEqualTo(200);
        }
    }
}
