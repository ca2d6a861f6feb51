package dev.daap.domain.error;

/** No live database has this id (it never existed, or it was deleted). */
public final class DatabaseNotFoundException extends DomainException {
    public DatabaseNotFoundException(String id) {
        super("no database with id " + id);
    }

    @Override
    public String code() {
        return "database-not-found";
    }
}
