package dev.daap.domain.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** libpq's {@code sslmode}, which connection details carry when a cluster sets one for its clients. */
public enum SslMode {
    DISABLE,
    ALLOW,
    PREFER,
    REQUIRE,
    VERIFY_CA,
    VERIFY_FULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SslMode fromWireName(String raw) {
        for (SslMode mode : values()) {
            if (mode.wireName().equals(raw)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values()).map(SslMode::wireName).collect(Collectors.joining(", ")));
    }
}
