package dev.daap.application.team;

import dev.daap.domain.common.Validation;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;

/** A validated request for a new team; {@link #of} reports every bad field at once. */
public record CreateTeamCommand(TeamSlug slug, String displayName) {
    public static CreateTeamCommand of(String slug, String displayName) {
        var validation = new Validation();
        var validSlug = validation.field("slug", () -> new TeamSlug(slug));
        var validName = validation.field("display_name", () -> Team.checkDisplayName(displayName));
        validation.throwIfInvalid();
        return new CreateTeamCommand(validSlug, validName);
    }
}
