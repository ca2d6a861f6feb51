package dev.daap.domain.error;

/** Another live database of the same team already has this name; nothing is said about other teams. */
public final class NameTakenException extends DomainException {
    public NameTakenException(String team, String name) {
        super("team " + team + " already has a database named '" + name + "'");
    }

    private NameTakenException(String message) {
        super(message);
    }

    /** Another live user of the same database already has this name. */
    public static NameTakenException ofUser(String database, String name) {
        return new NameTakenException("database " + database + " already has a user named '" + name + "'");
    }

    @Override
    public String code() {
        return "name-taken";
    }
}
