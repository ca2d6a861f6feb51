package dev.daap.bootstrap.observability;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Which traces are kept: {@code OTEL_TRACES_SAMPLER} and {@code OTEL_TRACES_SAMPLER_ARG} as the OpenTelemetry
 * specification defines them, default {@code parentbased_always_on}. DAAP's own rule comes first: only a request or
 * a job starts a trace ({@link EntryPointSampler}); the sampler decides which of those are kept.
 *
 * @param sampler one of {@link #SAMPLERS}
 * @param ratio   the share of traces kept by the {@code traceidratio} samplers, 0 to 1; ignored by the others
 */
public record TraceSampling(String sampler, double ratio) {
    public static final String SAMPLER_VARIABLE = "OTEL_TRACES_SAMPLER";
    public static final String RATIO_VARIABLE = "OTEL_TRACES_SAMPLER_ARG";
    public static final String DEFAULT_SAMPLER = "parentbased_always_on";
    /** The specification's samplers that need nothing beyond the SDK (not jaeger_remote or xray). */
    public static final List<String> SAMPLERS = List.of(
            DEFAULT_SAMPLER,
            "parentbased_always_off",
            "parentbased_traceidratio",
            "always_on",
            "always_off",
            "traceidratio");

    private static final String PARENT_BASED = "parentbased_";

    public TraceSampling {
        if (!SAMPLERS.contains(sampler)) {
            throw new IllegalArgumentException("unknown sampler '" + sampler + "'");
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("the ratio must be from 0 to 1, not " + ratio);
        }
    }

    /** Every request and job traced, following the caller's decision when a {@code traceparent} came. */
    public static TraceSampling always() {
        return new TraceSampling(DEFAULT_SAMPLER, 1.0);
    }

    /** The SDK's sampler for these settings, with DAAP's entry-point rule for spans without a parent. */
    Sampler toSampler() {
        boolean parentBased = sampler.startsWith(PARENT_BASED);
        Sampler decision = switch (parentBased ? sampler.substring(PARENT_BASED.length()) : sampler) {
            case "always_on" -> Sampler.alwaysOn();
            case "always_off" -> Sampler.alwaysOff();
            default -> Sampler.traceIdRatioBased(ratio);
        };
        Sampler roots = new EntryPointSampler(decision);
        if (parentBased) {
            return Sampler.parentBased(roots);
        }
        // Without "parentbased_", the decision ignores the parent's; a span without one still needs the entry rule.
        return new ParentIgnoringSampler(roots, decision);
    }

    /** Roots by the entry-point rule, every other span by the decision alone. */
    private record ParentIgnoringSampler(Sampler roots, Sampler decision) implements Sampler {
        @Override
        public SamplingResult shouldSample(
                Context parentContext,
                String traceId,
                String name,
                SpanKind spanKind,
                Attributes attributes,
                List<LinkData> parentLinks) {
            boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
            return (root ? roots : decision)
                    .shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        }

        @Override
        public String getDescription() {
            return "ParentIgnoring{roots=" + roots.getDescription() + ", others=" + decision.getDescription() + "}";
        }
    }
}
