package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.http.TestResponse;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Metrics, traces and logs of a DAAP started by its bootstrap code, with its spans collected by the SDK's in-memory
 * exporter: a create is one trace from the request through its use case, its statements and its job (and the job's
 * use case) to the provisioner's statements on the cluster, an incoming
 * {@code traceparent} is honoured, problems and log lines name the trace, and the management port serves metrics
 * that Debian's {@code promtool} accepts.
 */
class ObservabilityEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private static RunningDaap daap;

    @BeforeAll
    static void start() {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_JOB_POLL_INTERVAL", "1s");
        env.put("DAAP_CLUSTER_PROBE_INTERVAL", "2s"); // the fleet's series appear after the first probe tick
        env.put("DAAP_CLUSTER_PROBE_TIMEOUT", "1s");
        daap = RunningDaap.start(env, spans);
    }

    @AfterAll
    static void stop() {
        daap.close();
    }

    @Test
    void aCreateIsOneTraceFromTheRequestToTheProvisionersStatementsOnTheCluster() throws Exception {
        String name = "obs-" + Long.toHexString(System.nanoTime());
        TestResponse created = daap.post(
                "/v1/databases", "{\"name\": \"" + name + "\", \"owner_team\": \"checkout\", \"purpose\": \"traced\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JSON.readTree(daap.get("/v1/databases/" + id).body())
                        .get("status")
                        .asText()
                        .equals("ready"));

        SpanData request = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(span -> span.getName().equals("POST /v1/databases"))
                                .filter(span -> attribute(span, "http.response.status_code")
                                        .equals("201"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String trace = request.getTraceId();
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getAttributes().asMap().toString()).contains("/v1/databases");
        SpanData useCase = only(trace, "CreateDatabase");
        assertThat(useCase.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(useCase.getParentSpanId()).as("the use case, in the request").isEqualTo(request.getSpanId());
        assertThat(inTrace(trace))
                .as("the create's own statements, in the use case")
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
                    assertThat(span.getParentSpanId()).isEqualTo(useCase.getSpanId());
                    assertThat(span.getAttributes().asMap().toString()).contains("insert into");
                });
        SpanData job = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> inTrace(trace).stream()
                                .filter(span -> span.getName().equals("ProvisionDatabase"))
                                .findFirst()
                                .flatMap(provision -> inTrace(trace).stream()
                                        .filter(span -> span.getName().equals("job provision"))
                                        .findFirst()),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(job.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(job.getParentSpanId())
                .as("the job, enqueued by the use case")
                .isEqualTo(useCase.getSpanId());
        assertThat(attribute(job, "daap.database.id")).isEqualTo(id);
        SpanData provision = only(trace, "ProvisionDatabase");
        assertThat(provision.getParentSpanId())
                .as("the job's use case, in the job")
                .isEqualTo(job.getSpanId());
        assertThat(inTrace(trace))
                .as("the provisioner's statements on the cluster, in the job's use case")
                .anySatisfy(span -> {
                    assertThat(span.getParentSpanId()).isEqualTo(provision.getSpanId());
                    assertThat(span.getAttributes().asMap().toString()).contains("CREATE ROLE");
                });
        // Literals are replaced by '?' in the statement text: the SCRAM verifier of the password never reaches a span.
        assertThat(spans.getFinishedSpanItems())
                .allSatisfy(span -> assertThat(span.getAttributes().asMap().toString())
                        .doesNotContain("SCRAM-SHA-256")
                        .doesNotContain(RunningDaap.ADMIN_TOKEN));
    }

    @Test
    void anIncomingTraceparentIsHonouredAndTheProblemNamesItsTrace() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parent = "00f067aa0ba902b7";
        TestResponse missing =
                daap.get("/v1/databases/" + UUID.randomUUID(), "traceparent", "00-" + trace + "-" + parent + "-01");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("trace_id").asText()).isEqualTo(trace);
        SpanData server = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> inTrace(trace).stream()
                                .filter(span -> span.getKind() == SpanKind.SERVER)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(server.getName()).isEqualTo("GET /v1/databases/{id}");
        assertThat(server.getParentSpanId()).isEqualTo(parent);
        assertThat(attribute(server, "http.route")).isEqualTo("/v1/databases/{id}");
    }

    @Test
    void everyLogLineOfARequestNamesItsTraceAndKeyAndTheAccessLogNeverTheToken() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            assertThat(daap.get("/v1/me").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> accessLines(appender).stream()
                            .anyMatch(line -> line.getFormattedMessage().startsWith("GET /v1/me 200")));
        } finally {
            root.detachAppender(appender);
        }
        ILoggingEvent access = accessLines(appender).stream()
                .filter(line -> line.getFormattedMessage().startsWith("GET /v1/me 200"))
                .findFirst()
                .orElseThrow();
        SpanData server = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("GET /v1/me"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(access.getMDCPropertyMap())
                .containsEntry("trace_id", server.getTraceId())
                .containsKeys("request_id", "key_id");
        assertThat(access.getKeyValuePairs())
                .extracting(pair -> pair.key + "=" + pair.value)
                .contains("method=GET", "route=/v1/me", "status=200", "key_prefix=testadmin")
                .anySatisfy(pair -> assertThat(pair).startsWith("bytes="))
                .anySatisfy(pair -> assertThat(pair).startsWith("duration_ms="));
        String secret = RunningDaap.ADMIN_TOKEN.substring(RunningDaap.ADMIN_TOKEN.lastIndexOf('_') + 1);
        assertThat(appender.list)
                .allSatisfy(line -> assertThat(
                                line.getFormattedMessage() + line.getMDCPropertyMap() + line.getKeyValuePairs())
                        .doesNotContain(secret));
    }

    @Test
    void theManagementPortServesMetricsThatPromtoolAccepts() throws Exception {
        assertThat(daap.get("/v1/me").status()).isEqualTo(200);
        assertThat(daap.get("/metrics").status())
                .as("metrics are not on the public port")
                .isEqualTo(404);

        // The default cluster (DAAP's own server) has its series once a probe of it has been recorded.
        HttpResponse<String> metrics = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> management("/metrics"),
                        scrape -> scrape.body()
                                .contains("daap_cluster_probe_duration_seconds_count{cluster=\"default\""));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/me\",status=\"200\"}")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/v1/me\",status=\"200\",le=")
                .contains("hikaricp_connections_active{pool=\"daap\"}")
                .contains("jvm_memory_used_bytes")
                .contains("daap_jobs_due{kind=\"provision\"}")
                .contains("daap_jobs_running{kind=\"deprovision\"}")
                .contains("daap_jobs_oldest_due_age_seconds{kind=\"provision\"}")
                .contains("daap_api_key_cache_lookups_total{result=\"hit\"}")
                .contains("daap_event_streams_open")
                .contains("daap_events_relay_lag_seconds_count")
                .contains("daap_cluster_up{cluster=\"default\"} 1.0")
                .containsPattern("daap_cluster_databases\\{cluster=\"default\"} \\d")
                .containsPattern("daap_cluster_storage_bytes\\{cluster=\"default\"} \\d")
                .contains("daap_cluster_probe_duration_seconds_bucket{cluster=\"default\",outcome=\"answered\",le=");
        assertThat(management("/health/ready").statusCode()).isEqualTo(200);
        assertThat(management("/health/live").statusCode()).isEqualTo(200);

        PrometheusTools.CheckResult check = PrometheusTools.checkMetrics(metrics.body());
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void aRealPrometheusScrapesTheManagementPortAndAnswersForTheRequestCounter() throws Exception {
        assertThat(daap.get("/v1/teams").status()).isEqualTo(200);
        try (var prometheus = PrometheusTools.scraping(daap.managementPort())) {
            String query = "http_server_requests_seconds_count{route=\"/v1/teams\",method=\"GET\",status=\"200\"}";
            JsonNode result = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> prometheus.query(query), answer -> !answer.isEmpty());
            assertThat(result.get(0).get("value").get(1).asDouble()).isGreaterThanOrEqualTo(1);
        }
    }

    private static SpanData only(String trace, String name) {
        List<SpanData> named = inTrace(trace).stream()
                .filter(span -> span.getName().equals(name))
                .toList();
        assertThat(named).as(name).hasSize(1);
        return named.getFirst();
    }

    private static List<SpanData> inTrace(String trace) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(trace))
                .toList();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream()
                .filter(entry -> entry.getKey().getKey().equals(key))
                .map(entry -> String.valueOf(entry.getValue()))
                .findFirst()
                .orElse("");
    }

    private static List<ILoggingEvent> accessLines(ListAppender<ILoggingEvent> appender) {
        return List.copyOf(appender.list).stream()
                .filter(line -> line.getLoggerName().equals("daap.access"))
                .toList();
    }

    private static HttpResponse<String> management(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daap.managementPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
