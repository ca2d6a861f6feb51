package dev.daap.domain.error;

/** A team with this slug already exists. */
public final class TeamTakenException extends DomainException {
    public TeamTakenException(String slug) {
        super("a team with slug '" + slug + "' already exists");
    }

    @Override
    public String code() {
        return "team-taken";
    }
}
