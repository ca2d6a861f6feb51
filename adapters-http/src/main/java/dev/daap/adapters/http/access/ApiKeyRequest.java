package dev.daap.adapters.http.access;

import dev.daap.application.access.CreateApiKeyCommand;

/** The body of {@code POST /v1/teams/{slug}/api-keys}; {@code expires_at} is an RFC 3339 time or absent. */
public record ApiKeyRequest(String role, String description, String expiresAt) {
    public CreateApiKeyCommand toCommand(String team) {
        return CreateApiKeyCommand.of(team, role, description, expiresAt);
    }

    public CreateApiKeyCommand toPlatformCommand() {
        return CreateApiKeyCommand.forPlatform(role, description, expiresAt);
    }
}
