package dev.daap.adapters.http.access;

import dev.daap.application.access.Authenticate;
import dev.daap.application.access.CreateApiKey;
import dev.daap.application.access.ListApiKeys;
import dev.daap.application.access.ListPlatformKeys;
import dev.daap.application.access.RevokeApiKey;
import dev.daap.application.access.RevokePlatformKey;
import dev.daap.application.audit.ListAuditEvents;
import dev.daap.application.team.CreateTeam;
import dev.daap.application.team.GetTeam;
import dev.daap.application.team.ListTeams;
import java.util.Objects;

/** The use cases behind authentication, {@code /v1/teams}, their API keys, and {@code /v1/audit-events}. */
public record AccessUseCases(
        Authenticate authenticate,
        CreateTeam createTeam,
        GetTeam getTeam,
        ListTeams listTeams,
        CreateApiKey createApiKey,
        ListApiKeys listApiKeys,
        RevokeApiKey revokeApiKey,
        ListPlatformKeys listPlatformKeys,
        RevokePlatformKey revokePlatformKey,
        ListAuditEvents listAuditEvents) {
    public AccessUseCases {
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(createTeam, "createTeam");
        Objects.requireNonNull(getTeam, "getTeam");
        Objects.requireNonNull(listTeams, "listTeams");
        Objects.requireNonNull(createApiKey, "createApiKey");
        Objects.requireNonNull(listApiKeys, "listApiKeys");
        Objects.requireNonNull(revokeApiKey, "revokeApiKey");
        Objects.requireNonNull(listPlatformKeys, "listPlatformKeys");
        Objects.requireNonNull(revokePlatformKey, "revokePlatformKey");
        Objects.requireNonNull(listAuditEvents, "listAuditEvents");
    }
}
