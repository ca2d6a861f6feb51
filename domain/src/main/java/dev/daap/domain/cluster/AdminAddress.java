package dev.daap.domain.cluster;

import java.util.Objects;

/** Where DAAP reaches a cluster's admin connection: the part of the admin URL that is no secret. */
public record AdminAddress(String host, int port) {
    public AdminAddress {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
    }

    /** {@code host:port}, an IPv6 literal in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
