package dev.daap.bootstrap.observability;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Decides for spans without a parent: a request (a server span) or a job (a consumer span) may start a trace, which
 * {@code entries} then keeps or not (all of them, a share by trace id, none); a statement outside both never does.
 * Without this rule, every poll of the event relay's and the job workers' housekeeping would be a trace of one SQL
 * span.
 */
final class EntryPointSampler implements Sampler {
    private final Sampler entries;

    EntryPointSampler(Sampler entries) {
        this.entries = entries;
    }

    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        return spanKind == SpanKind.SERVER || spanKind == SpanKind.CONSUMER
                ? entries.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks)
                : SamplingResult.drop();
    }

    @Override
    public String getDescription() {
        return "EntryPointSampler{server and consumer spans, then " + entries.getDescription() + "}";
    }
}
