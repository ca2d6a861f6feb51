package dev.daap.adapters.http.observability;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code daap.access}: method, route template, status, duration, response bytes
 * and the API key's prefix (the public part of a token, which finds the key; never the secret). The fields are
 * also key-value pairs, so the JSON format has them as fields of their own.
 */
final class AccessLog {
    static final String LOGGER = "daap.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    void write(String method, String route, int status, Duration duration, long bytes, String keyPrefix) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long micros = (duration.toNanos() + 500) / 1_000;
        double millis = micros / 1e3;
        String key = keyPrefix == null ? "-" : keyPrefix;
        log.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", millis)
                .addKeyValue("bytes", bytes)
                .addKeyValue("key_prefix", key)
                .log("{} {} {} {} ms {} bytes key {}", method, route, status, millis(micros), bytes, key);
    }

    /**
     * {@code 1.318} for 1,318 µs: what {@code String.format("%.3f")} writes, without its parser and formatter, which
     * took a sixth of the access log's CPU (a JFR profile of bench/run's GET, 2026-12-03).
     */
    static String millis(long micros) {
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
