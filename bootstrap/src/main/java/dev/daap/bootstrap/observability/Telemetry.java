package dev.daap.bootstrap.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's metrics registry and tracer, made once at start-up from {@link TelemetrySettings}. Off, both cost
 * next to nothing: meters of an empty composite registry record nothing, and the no-op tracer makes no spans (so
 * nothing wraps the JDBC connections either).
 */
public final class Telemetry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Telemetry.class);
    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final Tracing tracing;
    private final JvmGcMetrics gc;
    private final TelemetrySettings settings;

    private Telemetry(TelemetrySettings settings, PrometheusMeterRegistry prometheus, Tracing tracing) {
        this.settings = settings;
        this.prometheus = prometheus;
        this.registry = prometheus != null ? prometheus : new CompositeMeterRegistry();
        this.tracing = tracing;
        this.gc = prometheus != null ? new JvmGcMetrics() : null;
        if (prometheus != null) {
            bindProcessMetrics();
        }
    }

    /** Exports spans over OTLP when an endpoint is set; none otherwise. */
    public static Telemetry start(TelemetrySettings settings) {
        Optional<SpanProcessor> spans = settings.otlpEndpoint().map(endpoint -> {
            var exporter = OtlpHttpSpanExporter.builder().setEndpoint(Tracing.tracesUrl(endpoint));
            settings.otlpHeaders().forEach(exporter::addHeader);
            log.info(
                    "Tracing on: spans go to {} as OTLP over HTTP; sampler {}",
                    Tracing.tracesUrl(endpoint),
                    settings.sampling());
            return BatchSpanProcessor.builder(exporter.build()).build();
        });
        return start(settings, spans);
    }

    /** With spans going to {@code spans} (tests hand in the SDK's in-memory exporter), or nowhere. */
    public static Telemetry start(TelemetrySettings settings, Optional<SpanProcessor> spans) {
        PrometheusMeterRegistry prometheus =
                settings.metrics() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        Tracing tracing = spans.map(processor -> Tracing.sdk(settings.serviceName(), settings.sampling(), processor))
                .orElseGet(Tracing::off);
        return new Telemetry(settings, prometheus, tracing);
    }

    private void bindProcessMetrics() {
        // Two of Micrometer's processor meters break Prometheus' naming rules (promtool says so): CPU time in
        // nanoseconds (process_cpu_time_ns_total) and a gauge ending in _count. The first becomes Prometheus'
        // usual process_cpu_seconds_total, the second system_cpu_cores.
        registry.config()
                .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
                    }
                });
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .description("CPU time this process has used")
                    .baseUnit("seconds")
                    .register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Where meters go; records nothing when metrics are off. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The metrics in Prometheus' text format, or null when metrics are off. */
    public Supplier<String> scrape() {
        return prometheus == null ? null : prometheus::scrape;
    }

    public OpenTelemetry openTelemetry() {
        return tracing.openTelemetry();
    }

    public boolean tracingOn() {
        return tracing.on();
    }

    public boolean accessLog() {
        return settings.accessLog();
    }

    /**
     * {@code dataSource} with a span for every statement run through it on a connection taken inside a span that
     * records (a kept request or job: see {@link StatementsOfRecordedSpans}), as that span's child, its text with
     * literals replaced by {@code ?} so that no value, and no password verifier of the provisioner, reaches a span.
     * Unchanged when tracing is off.
     */
    public DataSource traced(DataSource dataSource) {
        if (!tracing.on()) {
            return dataSource;
        }
        DataSource traced = JdbcTelemetry.builder(tracing.openTelemetry())
                .setDataSourceInstrumenterEnabled(false) // a span per borrowed connection says nothing useful
                .setQuerySanitizationEnabled(true)
                .setCaptureQueryParameters(false)
                .build()
                .wrap(dataSource);
        return new StatementsOfRecordedSpans(dataSource, traced);
    }

    /** Sends the spans still buffered and stops. */
    @Override
    public void close() {
        tracing.close();
        if (gc != null) {
            gc.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
