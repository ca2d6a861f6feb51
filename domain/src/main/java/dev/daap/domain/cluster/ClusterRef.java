package dev.daap.domain.cluster;

import java.util.Objects;

/** Which cluster a database lives on: its id, and its name (which never changes) for those who read it. */
public record ClusterRef(ClusterId id, ClusterName name) {
    public ClusterRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
