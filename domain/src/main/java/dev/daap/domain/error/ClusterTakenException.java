package dev.daap.domain.error;

/** A live cluster already has this name. */
public final class ClusterTakenException extends DomainException {
    public ClusterTakenException(String name) {
        super("a cluster named '" + name + "' already exists");
    }

    @Override
    public String code() {
        return "cluster-taken";
    }
}
