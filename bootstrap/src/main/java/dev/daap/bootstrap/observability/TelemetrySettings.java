package dev.daap.bootstrap.observability;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What DAAP tells operators, and how.
 *
 * @param metrics      whether to keep metrics (and serve them on the management port)
 * @param otlpEndpoint where to send spans (OTLP over HTTP, {@code OTEL_EXPORTER_OTLP_ENDPOINT}); empty: no tracing
 * @param otlpHeaders  headers for the collector, such as its credentials ({@code OTEL_EXPORTER_OTLP_HEADERS})
 * @param serviceName  {@code service.name} of the spans ({@code OTEL_SERVICE_NAME})
 * @param sampling     which traces are kept ({@code OTEL_TRACES_SAMPLER}, {@code OTEL_TRACES_SAMPLER_ARG})
 * @param accessLog    whether every request writes an access log line
 */
public record TelemetrySettings(
        boolean metrics,
        Optional<String> otlpEndpoint,
        Map<String, String> otlpHeaders,
        String serviceName,
        TraceSampling sampling,
        boolean accessLog) {
    public static final String DEFAULT_SERVICE_NAME = "daap";

    public TelemetrySettings {
        Objects.requireNonNull(otlpEndpoint, "otlpEndpoint");
        otlpHeaders = Map.copyOf(otlpHeaders);
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(sampling, "sampling");
    }

    /** Nothing but the access log: what tests of other things use. */
    public static TelemetrySettings off() {
        return new TelemetrySettings(
                false, Optional.empty(), Map.of(), DEFAULT_SERVICE_NAME, TraceSampling.always(), true);
    }

    @Override
    public String toString() { // the headers may hold a collector's credentials
        return "TelemetrySettings[metrics=" + metrics + ", otlpEndpoint=" + otlpEndpoint + ", otlpHeaders="
                + otlpHeaders.keySet() + ", serviceName=" + serviceName + ", sampling=" + sampling + ", accessLog="
                + accessLog
                + "]";
    }
}
