package dev.daap.adapters.http.health;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.adapters.http.protocol.JsonCodec;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live} says the process answers; {@code /health/ready} says whether it should get traffic. Their
 * bodies are for probes, not problems: a 503 from readiness is an expected state, not an error.
 */
public final class HealthHandler {
    private static final Logger log = LoggerFactory.getLogger(HealthHandler.class);

    private final ReadinessCheck readiness;
    private final JsonCodec json;

    public HealthHandler(ReadinessCheck readiness, JsonCodec json) {
        this.readiness = readiness;
        this.json = json;
    }

    public void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, Map.of("status", "up"));
    }

    public void ready(Context ctx) {
        Readiness result = check();
        ctx.header("Cache-Control", "no-store");
        json.respond(
                ctx,
                result.ready() ? 200 : 503,
                new ReadinessResponse(result.ready() ? "ready" : "unavailable", result.checks()));
    }

    /** Before every {@code /v1} request: a 503 problem while the instance cannot serve at all (see the check). */
    public void refuseWhileUnavailable(Context ctx) {
        readiness.refusal().ifPresent(reason -> {
            throw new HttpProblemException(ProblemType.SERVICE_UNAVAILABLE, reason, List.of());
        });
    }

    /** A check that throws means "not ready", never a 500: probes must get an answer they understand. */
    private Readiness check() {
        try {
            return readiness.check();
        } catch (RuntimeException e) {
            log.warn("readiness check failed", e);
            return new Readiness(false, Map.of("readiness_check", "failed"));
        }
    }

    record ReadinessResponse(String status, Map<String, String> checks) {}
}
