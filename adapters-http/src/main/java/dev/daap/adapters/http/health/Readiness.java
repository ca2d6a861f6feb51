package dev.daap.adapters.http.health;

import java.util.Map;

/**
 * Whether this instance should receive traffic.
 *
 * @param checks one entry per dependency, e.g. {@code database -> ok}, {@code migrations -> 3 pending}
 */
public record Readiness(boolean ready, Map<String, String> checks) {
    public Readiness {
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }
}
