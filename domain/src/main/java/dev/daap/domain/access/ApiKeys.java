package dev.daap.domain.access;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of API keys (a secondary port). Calls join the transaction open on the calling thread. An
 * implementation may answer {@link #findByPrefix} from a short-lived cache, but a key revoked through it must stop
 * working at once.
 */
public interface ApiKeys {
    /** Stores a new key; throws {@code IllegalStateException} if its prefix exists (a 1 in 36^10 chance). */
    void add(ApiKey key);

    /** The key with this prefix, revoked and expired ones included: the caller decides what they may do. */
    Optional<ApiKey> findByPrefix(String prefix);

    Optional<ApiKey> find(UUID id);

    /** A team's keys, newest first (by creation time, then id), revoked and expired ones included. */
    List<ApiKey> listForTeam(TeamSlug team);

    /** The platform admin keys (no team), newest first, revoked ones included. */
    List<ApiKey> listPlatformKeys();

    /** Marks the key revoked at {@code at}; false if it was already revoked or does not exist. */
    boolean revoke(UUID id, Instant at);

    /**
     * Notes that the key was used; may be written later, in batches, off the request path, so {@link #find} may
     * show an older {@code lastUsedAt} for a while. The stored time only ever moves forward: an earlier {@code at}
     * than the one stored changes nothing.
     */
    void recordUse(UUID id, Instant at);

    /** Whether a platform admin key was ever stored, revoked ones included. */
    boolean anyPlatformAdminKey();

    /**
     * Makes every other caller wait until the calling thread's transaction ends (call it in one): for a decision
     * over all platform admin keys that must still hold when it commits, such as "another one still works" before
     * revoking one, or "there is none yet" before storing the first. Without it, two admins revoking the last two
     * keys at once would each see the other's key working, and leave none.
     */
    void lockPlatformKeys();
}
