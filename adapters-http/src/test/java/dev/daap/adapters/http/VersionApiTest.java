package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestResponse;
import org.junit.jupiter.api.Test;

class VersionApiTest {

    @Test
    void anyValidKeyReadsWhatRunsInSnakeCase() {
        try (TestApi api = TestApi.start()) {
            String viewer = api.issueKey("payments", Role.VIEWER);

            TestResponse response = api.as(viewer).get("/v1/version");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            JsonNode body = response.json();
            assertThat(body.path("version").asText()).isEqualTo("1.2.3");
            assertThat(body.path("commit").asText()).isEqualTo(TestApi.VERSION.commit());
            assertThat(body.path("schema").path("applied_changesets").asInt()).isEqualTo(33);
            assertThat(body.path("schema").path("known_changesets").asInt()).isEqualTo(33);
            assertThat(body.path("schema").path("latest_changeset").asText()).isEqualTo("0033-audit-events-actor-kind");
            assertThat(body.path("postgresql").path("daap").asText()).isEqualTo("17.6");
            assertThat(body.path("postgresql").path("clusters").path("default").asText())
                    .isEqualTo("16.4");
        }
    }

    @Test
    void withoutAKeyItIsA401() {
        try (TestApi api = TestApi.start()) {
            assertThat(api.as(null).get("/v1/version").status()).isEqualTo(401);
        }
    }
}
