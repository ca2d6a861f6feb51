package dev.daap.adapters.http.idempotency;

import dev.daap.domain.idempotency.IdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys this instance owes a release: their request failed (5xx) and releasing the claim failed too, because the
 * store was away. The next request with such a key on this instance releases it first, so a client's retry after
 * the outage runs instead of getting 409 until the claim's lease ({@link IdempotencyStore#RUNNING_LEASE}) passes.
 *
 * <p>A release owed is paid only while the claim is certainly still this instance's: until its lease ends, less a
 * margin for clocks that differ between instances. After that another request may have taken the key over, and a
 * late release would delete that request's claim and let its work run twice; the lease frees the key then anyway.
 * A release is taken by one request only ({@link #take}), so two retries cannot both release and both run.
 */
final class UnreleasedClaims {
    /** How far ahead of this instance's clock another instance's clock may run without harm. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    /** Enough for every request in flight during an outage; past it, the lease is the only way a key is freed. */
    static final int MAX_ENTRIES = 10_000;

    private record Claim(String caller, String key) {}

    /** When each claim was made. */
    private final Map<Claim, Instant> owed = new ConcurrentHashMap<>();

    /** Remembers a claim made at {@code claimedAt} whose release failed; drops the ones no longer safe to pay. */
    void remember(String caller, String key, Instant claimedAt) {
        if (owed.size() >= MAX_ENTRIES) {
            owed.values().removeIf(madeAt -> !isSafe(madeAt, claimedAt));
        }
        if (owed.size() < MAX_ENTRIES) {
            owed.put(new Claim(caller, key), claimedAt);
        }
    }

    /**
     * When the claim owed a release for this key was made, if there is one and releasing it is still safe at
     * {@code now}. It is forgotten either way: whoever takes it must release it, or {@link #remember} it again.
     */
    Optional<Instant> take(String caller, String key, Instant now) {
        Instant claimedAt = owed.remove(new Claim(caller, key));
        return claimedAt != null && isSafe(claimedAt, now) ? Optional.of(claimedAt) : Optional.empty();
    }

    private static boolean isSafe(Instant claimedAt, Instant now) {
        return now.isBefore(claimedAt.plus(IdempotencyStore.RUNNING_LEASE).minus(CLOCK_MARGIN));
    }

    int size() {
        return owed.size();
    }
}
