package dev.daap.domain.cluster;

import java.util.Objects;
import java.util.UUID;

/** A cluster's primary key (UUID v7). Never shown to clients, who name clusters by {@link ClusterName}. */
public record ClusterId(UUID value) {
    public ClusterId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
