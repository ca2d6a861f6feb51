package dev.daap.adapters.http.health;

/** Answers {@code /health/ready}; the bootstrap implements it (database reachable, migrations current). */
@FunctionalInterface
public interface ReadinessCheck {
    Readiness check();
}
