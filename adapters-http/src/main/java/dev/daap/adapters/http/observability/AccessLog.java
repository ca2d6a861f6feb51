package dev.daap.adapters.http.observability;

import java.time.Duration;
import java.util.Locale;
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
        double millis = duration.toNanos() / 1e6;
        String key = keyPrefix == null ? "-" : keyPrefix;
        log.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", millis)
                .addKeyValue("bytes", bytes)
                .addKeyValue("key_prefix", key)
                .log(
                        "{} {} {} {} ms {} bytes key {}",
                        method,
                        route,
                        status,
                        String.format(Locale.ROOT, "%.3f", millis),
                        bytes,
                        key);
    }
}
