package dev.daap.domain.error;

/** No team has this slug, or the caller may not know that it has. */
public final class TeamNotFoundException extends DomainException {
    public TeamNotFoundException(String slug) {
        super("no team with slug " + slug);
    }

    @Override
    public String code() {
        return "team-not-found";
    }
}
