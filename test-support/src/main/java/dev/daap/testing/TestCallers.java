package dev.daap.testing;

import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;
import java.util.UUID;

/** Callers for tests that drive use cases directly, without HTTP. */
public final class TestCallers {
    private TestCallers() {}

    /** A platform admin: may do anything, so a test of something else is not about access. */
    public static Caller platformAdmin() {
        return new Caller(new Principal(UUID.randomUUID(), null, Role.PLATFORM_ADMIN), "test-request", "127.0.0.1");
    }

    public static Caller of(String team, Role role) {
        return new Caller(new Principal(UUID.randomUUID(), new TeamSlug(team), role), "test-request", "127.0.0.1");
    }
}
