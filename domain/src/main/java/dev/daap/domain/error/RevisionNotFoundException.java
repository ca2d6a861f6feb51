package dev.daap.domain.error;

/** The database has no revision of this version (a version a worker's status change made, or none at all). */
public final class RevisionNotFoundException extends DomainException {
    public RevisionNotFoundException(String databaseId, long version) {
        super("database " + databaseId + " has no revision " + version + "; GET /v1/databases/" + databaseId
                + "/revisions lists them");
    }

    @Override
    public String code() {
        return "revision-not-found";
    }
}
