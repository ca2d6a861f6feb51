package dev.daap.domain.error;

/** The cluster still holds live databases, so it cannot be removed. */
public final class ClusterNotEmptyException extends DomainException {
    public ClusterNotEmptyException(String name, long databases) {
        super("cluster " + name + " still holds " + databases + " live database" + (databases == 1 ? "" : "s")
                + "; delete them first (cordon the cluster to keep new ones away)");
    }

    @Override
    public String code() {
        return "cluster-not-empty";
    }
}
