package dev.daap.domain.access;

import dev.daap.domain.team.TeamSlug;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Who a request acts as: an API key, its team (none for a platform admin) and its role. */
public record Principal(UUID keyId, TeamSlug team, Role role) {
    public Principal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    public Optional<TeamSlug> teamSlug() {
        return Optional.ofNullable(team);
    }

    /** Whether this caller may know that a resource of {@code owner} exists. */
    public boolean canSee(TeamSlug owner) {
        return isPlatformAdmin() || owner.equals(team);
    }
}
