package dev.daap.application.access;

import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.error.AccessDeniedException;
import dev.daap.domain.error.DomainException;
import dev.daap.domain.team.TeamSlug;
import java.util.function.Supplier;

/**
 * Who may do what. A resource of another team is "not found" rather than "forbidden", so that a caller learns
 * nothing about other teams; a resource of the caller's own team with too small a role is forbidden.
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    /**
     * Passes if {@code principal} may act with {@code minimum} on a resource of {@code owner}.
     *
     * @param hidden the "not found" error for the resource, thrown when the caller may not know it exists
     */
    public static void requireRole(
            Principal principal, TeamSlug owner, Role minimum, Supplier<? extends DomainException> hidden) {
        if (!principal.canSee(owner)) {
            throw hidden.get();
        }
        if (!principal.role().includes(minimum)) {
            throw new AccessDeniedException("this needs the " + minimum.wireName() + " role or higher; this API key "
                    + "has " + principal.role().wireName());
        }
    }

    public static void requirePlatformAdmin(Principal principal, String action) {
        if (!principal.isPlatformAdmin()) {
            throw new AccessDeniedException(action + " needs a platform admin key; this API key has the "
                    + principal.role().wireName() + " role of team " + principal.team());
        }
    }
}
