package dev.daap.bootstrap.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.TimeUnit;

/** The OpenTelemetry SDK, or the no-op API when tracing is off. */
final class Tracing implements AutoCloseable {
    private final OpenTelemetry openTelemetry;
    private final SdkTracerProvider provider;

    private Tracing(OpenTelemetry openTelemetry, SdkTracerProvider provider) {
        this.openTelemetry = openTelemetry;
        this.provider = provider;
    }

    static Tracing off() {
        return new Tracing(OpenTelemetry.noop(), null);
    }

    /**
     * Traces start where work enters DAAP (an HTTP request, a job), kept as {@code sampling} says (by default all,
     * following the caller's decision when a {@code traceparent} came with it); W3C trace context is the only
     * propagation format.
     */
    static Tracing sdk(String serviceName, TraceSampling sampling, SpanProcessor spans) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.builder()
                                .put("service.name", serviceName)
                                .build())))
                .setSampler(sampling.toSampler())
                .addSpanProcessor(spans)
                .build();
        OpenTelemetry sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        return new Tracing(sdk, provider);
    }

    /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} is a base URL; traces go to its {@code v1/traces}, as the spec says. */
    static String tracesUrl(String endpoint) {
        return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + "v1/traces";
    }

    OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    boolean on() {
        return provider != null;
    }

    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
