package dev.daap.domain.error;

/** No live cluster has this name. */
public final class ClusterNotFoundException extends DomainException {
    public ClusterNotFoundException(String name) {
        super("no cluster is named " + name);
    }

    @Override
    public String code() {
        return "cluster-not-found";
    }
}
