package dev.daap.adapters.http;

import dev.daap.adapters.http.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens.
 *
 * @param port            0 picks a free port (tests); see {@link HttpServer#port()} for the one bound
 * @param shutdownTimeout how long {@link HttpServer#stop()} lets requests in flight finish; zero stops at once
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param rateLimits      the limits per API key and per client address
 */
public record HttpSettings(
        int port, String host, Duration shutdownTimeout, int maxRequestBytes, RateLimitSettings rateLimits) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** With the default rate limits. */
    public HttpSettings(int port, String host, Duration shutdownTimeout, int maxRequestBytes) {
        this(port, host, shutdownTimeout, maxRequestBytes, RateLimitSettings.defaults());
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_PORT, DEFAULT_HOST, DEFAULT_SHUTDOWN_TIMEOUT, DEFAULT_MAX_REQUEST_BYTES);
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(newPort, host, shutdownTimeout, maxRequestBytes, rateLimits);
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(port, newHost, shutdownTimeout, maxRequestBytes, rateLimits);
    }

    public HttpSettings withShutdownTimeout(Duration newTimeout) {
        return new HttpSettings(port, host, newTimeout, maxRequestBytes, rateLimits);
    }

    public HttpSettings withMaxRequestBytes(int newMax) {
        return new HttpSettings(port, host, shutdownTimeout, newMax, rateLimits);
    }

    public HttpSettings withRateLimits(RateLimitSettings newLimits) {
        return new HttpSettings(port, host, shutdownTimeout, maxRequestBytes, newLimits);
    }
}
