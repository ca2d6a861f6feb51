package dev.daap.domain.error;

/** A move named the cluster the database is on already: there is nothing to move. */
public final class AlreadyOnClusterException extends DomainException {
    public AlreadyOnClusterException(String id, String cluster) {
        super("database " + id + " is on cluster " + cluster + " already; a move goes to another cluster");
    }

    @Override
    public String code() {
        return "already-on-cluster";
    }
}
