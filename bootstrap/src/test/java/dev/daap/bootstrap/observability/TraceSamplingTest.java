package dev.daap.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The samplers of OTEL_TRACES_SAMPLER under DAAP's entry-point rule, on the SDK: which requests (server spans) start
 * a kept trace, whether their statements (client spans) follow them, and that a statement outside any request is
 * never a trace of its own.
 */
class TraceSamplingTest {
    private static final String REMOTE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REMOTE_SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private SdkTracerProvider provider;

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void byDefaultEveryRequestIsTracedWithItsStatementsButNoStatementAlone() {
        Tracer tracer = tracer(TraceSampling.always());

        assertThat(requestWithStatement(tracer, Context.root())).isTrue();
        assertThat(statementAlone(tracer)).isFalse();
        assertThat(requestWithStatement(tracer, remoteParent(false)))
                .as("a caller that did not sample decides for its request")
                .isFalse();
    }

    @Test
    void aRatioKeepsThatShareOfRequestsEachWithAllItsStatements() {
        Tracer tracer = tracer(new TraceSampling("parentbased_traceidratio", 0.25));

        int kept = 0;
        for (int i = 0; i < 2_000; i++) {
            if (requestWithStatement(tracer, Context.root())) {
                kept++;
            }
        }

        assertThat(kept).isBetween(400, 600);
        assertThat(exported.getFinishedSpanItems()).hasSize(2 * kept); // never a request without its statement
        assertThat(statementAlone(tracer)).isFalse();
    }

    @Test
    void aRatioOfZeroStillFollowsACallerThatSampled() {
        Tracer tracer = tracer(new TraceSampling("parentbased_traceidratio", 0));

        assertThat(requestWithStatement(tracer, Context.root())).isFalse();
        assertThat(requestWithStatement(tracer, remoteParent(true))).isTrue();
        assertThat(exported.getFinishedSpanItems())
                .extracting(span -> span.getTraceId())
                .containsOnly(REMOTE_TRACE);
    }

    @Test
    void withoutParentBasedTheCallersDecisionIsIgnored() {
        assertThat(requestWithStatement(tracer(new TraceSampling("always_on", 1)), remoteParent(false)))
                .isTrue();
        assertThat(statementAlone(tracer(new TraceSampling("always_on", 1)))).isFalse();
        assertThat(requestWithStatement(tracer(new TraceSampling("always_off", 1)), remoteParent(true)))
                .isFalse();
        assertThat(requestWithStatement(tracer(new TraceSampling("parentbased_always_off", 1)), Context.root()))
                .isFalse();
    }

    @Test
    void theProcessTracesAsItsSettingsSay() {
        for (String sampler : List.of("always_on", "always_off")) {
            exported.reset();
            var settings = new TelemetrySettings(
                    false,
                    Optional.of("http://127.0.0.1:4318"),
                    Map.of(),
                    TelemetrySettings.DEFAULT_SERVICE_NAME,
                    new TraceSampling(sampler, 1),
                    false);
            try (Telemetry telemetry = Telemetry.start(settings, Optional.of(SimpleSpanProcessor.create(exported)))) {
                Tracer tracer = telemetry.openTelemetry().getTracer("test");
                requestWithStatement(tracer, Context.root());
                statementAlone(tracer);
                assertThat(exported.getFinishedSpanItems()) // before close: the exporter forgets them then
                        .as(sampler)
                        .hasSize(sampler.equals("always_on") ? 2 : 0);
            }
        }
    }

    @Test
    void refusesWhatTheSpecificationDoesNotDefineOrThisBuildCannotDo() {
        assertThatThrownBy(() -> new TraceSampling("jaeger_remote", 1)).hasMessageContaining("jaeger_remote");
        assertThatThrownBy(() -> new TraceSampling("traceidratio", 1.5)).hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> new TraceSampling("traceidratio", Double.NaN)).hasMessageContaining("0 to 1");
    }

    /** A server span with one client span inside, as a GET by id makes; true when the request's span is kept. */
    private static boolean requestWithStatement(Tracer tracer, Context parent) {
        Span request = tracer.spanBuilder("GET /v1/databases/{id}")
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (var scope = request.makeCurrent()) {
            Span statement = tracer.spanBuilder("SELECT daap.databases")
                    .setSpanKind(SpanKind.CLIENT)
                    .startSpan();
            assertThat(statement.getSpanContext().isSampled())
                    .as("the statement follows its request")
                    .isEqualTo(request.getSpanContext().isSampled());
            statement.end();
        } finally {
            request.end();
        }
        return request.getSpanContext().isSampled();
    }

    /** A statement with no request around it (a housekeeping poll); true when it is kept. */
    private static boolean statementAlone(Tracer tracer) {
        Span statement = tracer.spanBuilder("SELECT daap.events")
                .setParent(Context.root())
                .setSpanKind(SpanKind.CLIENT)
                .startSpan();
        statement.end();
        return statement.getSpanContext().isSampled();
    }

    private static Context remoteParent(boolean sampled) {
        return Context.root()
                .with(Span.wrap(SpanContext.createFromRemoteParent(
                        REMOTE_TRACE,
                        REMOTE_SPAN,
                        sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                        TraceState.getDefault())));
    }

    private Tracer tracer(TraceSampling sampling) {
        if (provider != null) {
            provider.close();
        }
        exported.reset();
        provider = SdkTracerProvider.builder()
                .setSampler(sampling.toSampler())
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build();
        return provider.get("test");
    }
}
