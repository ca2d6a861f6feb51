package dev.daap.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.http.observability.UseCaseSpans;
import dev.daap.application.database.CreateDatabase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What tracing leaves out of a request that is not traced (at a sampling ratio below 1, most of them): no span for
 * its use case and no instrumentation of its statements, which the JDBC instrumentation would analyse and then
 * drop. A traced request gets both.
 */
class UntracedRequestsTest {
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final Connection pooled = (Connection) Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "isWrapperFor" -> false;
                case "getMetaData" -> metaData();
                case "toString" -> "the pool's connection";
                case "hashCode" -> 1;
                case "equals" -> proxy == args[0];
                default -> null;
            });
    private final DataSource pool = (DataSource) Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getConnection" -> pooled;
                case "toString" -> "the pool";
                case "hashCode" -> 2;
                case "equals" -> proxy == args[0];
                default -> null;
            });

    @Test
    void anUntracedRequestRunsItsUseCaseWithoutASpanAndItsStatementsOnThePoolsOwnConnection() throws Exception {
        try (Telemetry telemetry = telemetry(0)) {
            Span request = request(telemetry);
            AtomicReference<Span> inUseCase = new AtomicReference<>();
            AtomicReference<Connection> connection = new AtomicReference<>();
            DataSource traced = telemetry.traced(pool);

            try (var scope = request.makeCurrent()) {
                new UseCaseSpans(telemetry.openTelemetry())
                        .of(CreateDatabase.class, ctx -> {
                            inUseCase.set(Span.current());
                            connection.set(traced.getConnection());
                        })
                        .handle(null);
            } finally {
                request.end();
            }

            assertThat(request.isRecording()).isFalse();
            assertThat(inUseCase.get()).as("no span of its own").isSameAs(request);
            assertThat(connection.get()).as("not instrumented").isSameAs(pooled);
            assertThat(exported.getFinishedSpanItems()).isEmpty();
        }
    }

    @Test
    void aTracedRequestHasItsUseCasesSpanAndInstrumentedStatements() throws Exception {
        try (Telemetry telemetry = telemetry(1)) {
            Span request = request(telemetry);
            AtomicReference<Connection> connection = new AtomicReference<>();
            DataSource traced = telemetry.traced(pool);

            try (var scope = request.makeCurrent()) {
                new UseCaseSpans(telemetry.openTelemetry())
                        .of(CreateDatabase.class, ctx -> connection.set(traced.getConnection()))
                        .handle(null);
            } finally {
                request.end();
            }

            assertThat(connection.get()).as("instrumented").isNotSameAs(pooled);
            SpanData useCase = exported.getFinishedSpanItems().stream()
                    .filter(span -> span.getName().equals("CreateDatabase"))
                    .findFirst()
                    .orElseThrow();
            assertThat(useCase.getParentSpanId())
                    .isEqualTo(request.getSpanContext().getSpanId());
            assertThat(useCase.getKind()).isEqualTo(SpanKind.INTERNAL);
        }
    }

    /** What the JDBC instrumentation reads of a connection it wraps: where it goes. */
    private static DatabaseMetaData metaData() {
        return (DatabaseMetaData) Proxy.newProxyInstance(
                DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> method.getName().equals("getURL") ? "jdbc:postgresql://127.0.0.1/daap" : null);
    }

    private static Span request(Telemetry telemetry) {
        return telemetry
                .openTelemetry()
                .getTracer("test")
                .spanBuilder("POST /v1/databases")
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
    }

    private Telemetry telemetry(double ratio) {
        return Telemetry.start(
                new TelemetrySettings(
                        false,
                        Optional.of("http://127.0.0.1:4318"),
                        Map.of(),
                        TelemetrySettings.DEFAULT_SERVICE_NAME,
                        new TraceSampling("parentbased_traceidratio", ratio),
                        false),
                Optional.of(SimpleSpanProcessor.create(exported)));
    }
}
