package dev.daap.adapters.http.health;

import java.util.Optional;

/** Answers {@code /health/ready}; the bootstrap implements it (database reachable, migrations current). */
@FunctionalInterface
public interface ReadinessCheck {
    Readiness check();

    /**
     * Why this instance cannot serve the API at all for as long as it runs (it started on a schema that was not
     * current, say), or empty when it can. Requests under {@code /v1} then get a 503 saying so, rather than 500s
     * from tables that are missing. Called on every such request: it must not do I/O.
     */
    default Optional<String> refusal() {
        return Optional.empty();
    }
}
