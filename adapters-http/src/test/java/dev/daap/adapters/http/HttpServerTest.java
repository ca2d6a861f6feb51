package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HttpServerTest extends ApiTest {

    @Test
    void requestsRunOnVirtualThreads() {
        var virtual = new AtomicBoolean();
        api.databases.beforeFind(id -> virtual.set(Thread.currentThread().isVirtual()));

        api.get("/v1/databases/" + UUID.randomUUID());

        assertThat(virtual).isTrue();
    }

    @Test
    void theServerCannotBeStartedTwiceAndStopsTwiceQuietly() {
        assertThatThrownBy(() -> api.server.start()).isInstanceOf(IllegalStateException.class);

        api.server.stop();
        api.server.stop();

        assertThat(api.server.port()).isPositive();
    }

    @Test
    void headRunsTheGetHandlerWithoutABody() {
        JsonNode created = api.create("orders");

        TestResponse known =
                api.send("HEAD", "/v1/databases/" + created.path("id").asText(), null, null);
        TestResponse unknown = api.send("HEAD", "/v1/databases/" + UUID.randomUUID(), null, null);

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.header("ETag")).isEqualTo("\"1\"");
        assertThat(known.body()).isEmpty();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(api.get("/health/live").header("X-Request-Id")).isNotBlank();
        assertThat(api.post(
                                "/v1/databases",
                                "{\"name\": \"orders\", \"owner_team\": \"payments\", " + "\"purpose\": \"Orders\"}")
                        .header("X-Request-Id"))
                .isNotBlank();
        assertThat(api.delete("/v1/databases/" + UUID.randomUUID()).header("X-Request-Id"))
                .isNotBlank();
    }
}
