package dev.daap.adapters.http.team;

import dev.daap.application.team.CreateTeamCommand;

/** The body of {@code POST /v1/teams}. */
public record TeamRequest(String slug, String displayName) {
    public CreateTeamCommand toCommand() {
        return CreateTeamCommand.of(slug, displayName);
    }
}
