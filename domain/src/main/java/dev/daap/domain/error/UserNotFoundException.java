package dev.daap.domain.error;

/** The database has no live user of this name. */
public final class UserNotFoundException extends DomainException {
    public UserNotFoundException(String database, String name) {
        super("database " + database + " has no user named '" + name + "'");
    }

    @Override
    public String code() {
        return "user-not-found";
    }
}
