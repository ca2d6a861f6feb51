package dev.daap.bootstrap.observability;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Decides for spans without a parent: a request (a server span) or a job (a consumer span) starts a trace; a
 * statement outside both does not. Without this rule, every poll of the event relay's and the job workers'
 * housekeeping would be a trace of one SQL span.
 */
final class EntryPointSampler implements Sampler {
    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        return spanKind == SpanKind.SERVER || spanKind == SpanKind.CONSUMER
                ? SamplingResult.recordAndSample()
                : SamplingResult.drop();
    }

    @Override
    public String getDescription() {
        return "EntryPointSampler{server and consumer spans}";
    }
}
