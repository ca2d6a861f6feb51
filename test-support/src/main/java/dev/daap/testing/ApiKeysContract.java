package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link ApiKeys} port keeps; the in-memory fake and the PostgreSQL adapter
 * both extend this class. Keys belong to teams of this test alone. {@link ApiKeys#anyPlatformAdminKey} looks at the
 * whole store, so that test expects to start with no platform admin key in sight: true of a new fake, and of a
 * rolled-back transaction on a schema that no test commits keys to.
 */
public abstract class ApiKeysContract {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug("keys-" + run);
    private int created;

    /** The store under test, ready to use; the same instance for the whole test. */
    protected abstract ApiKeys keys();

    /** Makes sure the team exists, for stores whose keys refer to teams; the default suits the others. */
    protected void teamExists(TeamSlug slug) {}

    /** Writes the uses recorded so far, for stores that batch them; the default suits stores that write at once. */
    protected void flushUsage() {}

    /** Runs {@code work} in its own (nested) transaction; the default suits stores without transactions. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void anAddedKeyIsFoundByIdAndByPrefixWithEveryField() {
        ApiKey key = add(new ApiKey(
                UUID.randomUUID(),
                team,
                Role.ADMIN,
                token().prefix(),
                token().hash(),
                "CI deploys of the payments service",
                T0,
                T0.plus(Duration.ofDays(90)),
                T0.plusSeconds(5),
                null));

        assertThat(keys().find(key.id())).contains(key);
        assertThat(keys().findByPrefix(key.prefix())).contains(key);
    }

    @Test
    void aPlatformAdminKeyHasNoTeam() {
        ApiKey admin = add(ApiKey.issue(UUID.randomUUID(), null, Role.PLATFORM_ADMIN, token(), "", T0, null));

        assertThat(keys().findByPrefix(admin.prefix())).hasValueSatisfying(found -> {
            assertThat(found.teamSlug()).isEmpty();
            assertThat(found.role()).isEqualTo(Role.PLATFORM_ADMIN);
        });
    }

    @Test
    void anUnknownPrefixOrIdIsNotFound() {
        assertThat(keys().findByPrefix(token().prefix())).isEmpty();
        assertThat(keys().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aSecondKeyWithTheSamePrefixIsRefusedAndTheFirstIsKept() {
        ApiKey first = add(aKey(Role.MEMBER));
        ApiKey samePrefix = new ApiKey(
                UUID.randomUUID(), team, Role.ADMIN, first.prefix(), token().hash(), "", T0, null, null, null);

        assertThatThrownBy(() -> inTransaction(() -> keys().add(samePrefix))).isInstanceOf(IllegalStateException.class);
        assertThat(keys().findByPrefix(first.prefix())).contains(first);
        assertThat(keys().find(samePrefix.id())).isEmpty();
    }

    @Test
    void revokedAndExpiredKeysAreStillFoundByPrefix() {
        ApiKey expiring = add(ApiKey.issue(UUID.randomUUID(), team, Role.VIEWER, token(), "", T0, T0.plusSeconds(60)));
        ApiKey revoked = add(aKey(Role.MEMBER));
        keys().revoke(revoked.id(), T0.plusSeconds(10));
        Instant later = T0.plusSeconds(3600);

        assertThat(keys().findByPrefix(expiring.prefix()))
                .hasValueSatisfying(found -> assertThat(found.isUsableAt(later)).isFalse());
        assertThat(keys().findByPrefix(revoked.prefix())).hasValueSatisfying(found -> {
            assertThat(found.revokedAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(found.isUsableAt(later)).isFalse();
        });
    }

    @Test
    void aKeyIsRevokedOnceAndRevokingItAgainChangesNothing() {
        ApiKey key = add(aKey(Role.MEMBER));

        assertThat(keys().revoke(key.id(), T0.plusSeconds(10))).isTrue();
        assertThat(keys().revoke(key.id(), T0.plusSeconds(20))).isFalse();

        assertThat(keys().find(key.id())).contains(key.revoked(T0.plusSeconds(10)));
        assertThat(keys().revoke(UUID.randomUUID(), T0)).as("an unknown key").isFalse();
    }

    @Test
    void aKeyLookedUpBeforeItIsRevokedIsSeenRevokedAtOnce() {
        ApiKey key = add(aKey(Role.ADMIN));
        assertThat(keys().findByPrefix(key.prefix())).contains(key);

        keys().revoke(key.id(), T0.plusSeconds(10));

        assertThat(keys().findByPrefix(key.prefix())).contains(key.revoked(T0.plusSeconds(10)));
    }

    @Test
    void aPrefixLookedUpBeforeItsKeyWasAddedIsFoundOnceItIs() {
        ApiToken token = token();
        assertThat(keys().findByPrefix(token.prefix())).isEmpty();

        ApiKey key = add(ApiKey.issue(UUID.randomUUID(), team, Role.VIEWER, token, "", T0, null));

        assertThat(keys().findByPrefix(token.prefix())).contains(key);
    }

    @Test
    void aTeamsKeysAreListedNewestFirstRevokedOnesIncluded() {
        ApiKey oldest = add(aKey(Role.VIEWER));
        ApiKey middle = add(aKey(Role.ADMIN));
        ApiKey newest = add(aKey(Role.MEMBER));
        keys().revoke(middle.id(), T0.plusSeconds(60));
        TeamSlug otherTeam = new TeamSlug("other-" + run);
        teamExists(otherTeam);
        add(ApiKey.issue(UUID.randomUUID(), otherTeam, Role.ADMIN, token(), "", T0, null));
        add(ApiKey.issue(UUID.randomUUID(), null, Role.PLATFORM_ADMIN, token(), "", T0, null));

        assertThat(keys().listForTeam(team)).containsExactly(newest, middle.revoked(T0.plusSeconds(60)), oldest);
        assertThat(keys().listForTeam(new TeamSlug("nobody-" + run))).isEmpty();
    }

    @Test
    void platformKeysAreListedNewestFirstWithoutTeamKeys() {
        add(aKey(Role.ADMIN));
        ApiKey older = add(ApiKey.issue(UUID.randomUUID(), null, Role.PLATFORM_ADMIN, token(), "", T0, null));
        ApiKey newer =
                add(ApiKey.issue(UUID.randomUUID(), null, Role.PLATFORM_ADMIN, token(), "", T0.plusSeconds(1), null));

        assertThat(keys().listPlatformKeys())
                .containsSubsequence(newer, older)
                .allSatisfy(key -> assertThat(key.team()).isNull());
    }

    @Test
    void theLastUseKeepsTheLatestTimeAndNeverMovesBack() {
        ApiKey key = add(aKey(Role.MEMBER));
        ApiKey unused = add(aKey(Role.MEMBER));

        keys().recordUse(key.id(), T0.plusSeconds(10));
        keys().recordUse(key.id(), T0.plusSeconds(5));
        flushUsage();
        assertThat(keys().find(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(10));

        keys().recordUse(key.id(), T0.plusSeconds(3));
        flushUsage();
        assertThat(keys().find(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(10));

        keys().recordUse(key.id(), T0.plusSeconds(20));
        flushUsage();
        assertThat(keys().find(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(keys().find(unused.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void aPlatformAdminKeyIsNoticedEvenOnceRevoked() {
        assertThat(keys().anyPlatformAdminKey()).isFalse();
        add(aKey(Role.ADMIN));
        assertThat(keys().anyPlatformAdminKey())
                .as("a team admin is no platform admin")
                .isFalse();

        ApiKey admin = add(ApiKey.issue(UUID.randomUUID(), null, Role.PLATFORM_ADMIN, token(), "", T0, null));
        keys().revoke(admin.id(), T0.plusSeconds(1));

        assertThat(keys().anyPlatformAdminKey()).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static ApiToken token() {
        return ApiToken.generate(RANDOM);
    }

    /** A key of this test's team, created a second after the previous one. */
    private ApiKey aKey(Role role) {
        return ApiKey.issue(UUID.randomUUID(), team, role, token(), "key " + created, T0.plusSeconds(++created), null);
    }

    private ApiKey add(ApiKey key) {
        key.teamSlug().ifPresent(this::teamExists);
        keys().add(key);
        return key;
    }
}
