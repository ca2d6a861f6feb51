package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code DAAP_LOG_FORMAT=json}: every line DAAP logs is one JSON object, and the access log's fields are its own. */
class JsonLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCESS_LINE = Pattern.compile("(\\{.*\"logger\":\"daap\\.access\".*/v1/me.*)");

    @Test
    void everyLineIsAJsonObjectAndTheAccessLogNamesTheKeyPrefixButNeverTheToken() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_LOG_FORMAT", "json");
        env.put("DAAP_SECRET_KEY", RunningDaap.TEST_KEY);
        env.put(DaapConfig.ADMIN_TOKEN, RunningDaap.ADMIN_TOKEN);
        try (ServeProcess serve = ServeProcess.start(env)) {
            int port = Integer.parseInt(serve.await(ServeProcess.READY));
            HttpResponse<String> me = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/me"))
                                    .header("Authorization", "Bearer " + RunningDaap.ADMIN_TOKEN)
                                    .header("X-Request-Id", "json-logs-test")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);

            JsonNode access = JSON.readTree(serve.await(ACCESS_LINE));
            assertThat(access.get("level").asText()).isEqualTo("INFO");
            assertThat(access.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(access.get("message").asText()).startsWith("GET /v1/me 200");
            assertThat(access.get("method").asText()).isEqualTo("GET");
            assertThat(access.get("route").asText()).isEqualTo("/v1/me");
            assertThat(access.get("status").asInt()).isEqualTo(200);
            assertThat(access.get("bytes").asLong()).isEqualTo(me.body().length());
            assertThat(access.get("duration_ms").asDouble()).isPositive();
            assertThat(access.get("key_prefix").asText()).isEqualTo("testadmin");
            assertThat(access.get("request_id").asText()).isEqualTo("json-logs-test");
            assertThat(access.has("key_id")).isTrue();
            assertThat(serve.stop()).isTrue();

            List<JsonNode> lines = new ArrayList<>();
            for (String line : serve.output().split("\n")) {
                if (!line.startsWith("WARNING: ")) { // the JVM's own, on standard error, in no format of DAAP's
                    assertThat(line).as("every line is one JSON object").startsWith("{");
                    lines.add(JSON.readTree(line));
                }
            }
            assertThat(lines)
                    .extracting(line -> line.get("logger").asText())
                    .contains("dev.daap.bootstrap.Application", "daap.access");
            String secret = RunningDaap.ADMIN_TOKEN.substring(RunningDaap.ADMIN_TOKEN.lastIndexOf('_') + 1);
            assertThat(serve.output()).doesNotContain(secret);
        }
    }
}
