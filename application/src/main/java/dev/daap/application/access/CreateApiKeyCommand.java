package dev.daap.application.access;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Validation;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A validated request for a key: a team's ({@link #of}) or a platform admin's ({@link #forPlatform}); both report
 * every bad field at once.
 *
 * @param team      null for a platform admin key
 * @param expiresAt null: the key does not expire
 */
public record CreateApiKeyCommand(TeamSlug team, Role role, String description, Instant expiresAt) {
    public static CreateApiKeyCommand of(String team, String role, String description, String expiresAt) {
        var validation = new Validation();
        var validTeam = validation.field("team", () -> new TeamSlug(team));
        var validRole = role == null
                ? fail(validation, "role", "is required")
                : validation.field("role", () -> Role.teamRole(role));
        var validDescription = validation.optionalField("description", description, CreateApiKeyCommand::checked);
        var validExpiry = validation.optionalField("expires_at", expiresAt, CreateApiKeyCommand::instant);
        validation.throwIfInvalid();
        return new CreateApiKeyCommand(validTeam, validRole, validDescription, validExpiry);
    }

    /** A platform admin key; {@code role} may be left out, and anything but platform_admin is refused. */
    public static CreateApiKeyCommand forPlatform(String role, String description, String expiresAt) {
        var validation = new Validation();
        if (role != null && !role.equals(Role.PLATFORM_ADMIN.wireName())) {
            validation.fail(
                    "role",
                    "must be platform_admin (or left out) here; team keys are made under "
                            + "/v1/teams/{slug}/api-keys");
        }
        var validDescription = validation.optionalField("description", description, CreateApiKeyCommand::checked);
        var validExpiry = validation.optionalField("expires_at", expiresAt, CreateApiKeyCommand::instant);
        validation.throwIfInvalid();
        return new CreateApiKeyCommand(null, Role.PLATFORM_ADMIN, validDescription, validExpiry);
    }

    private static Role fail(Validation validation, String field, String message) {
        validation.fail(field, message);
        return null;
    }

    private static String checked(String description) {
        if (description.codePointCount(0, description.length()) > ApiKey.MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("must be at most " + ApiKey.MAX_DESCRIPTION_LENGTH + " characters long");
        }
        if (description.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return description;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an RFC 3339 time such as 2027-01-31T00:00:00Z");
        }
    }
}
