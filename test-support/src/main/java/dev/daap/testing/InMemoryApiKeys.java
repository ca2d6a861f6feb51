package dev.daap.testing;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fake of the {@link ApiKeys} port with the rules of the PostgreSQL store, pinned down by {@link ApiKeysContract}.
 * It has no cache and records uses at once, which the port allows. It does not check that a key's team exists
 * (the use cases do). Thread-safe.
 */
public final class InMemoryApiKeys implements ApiKeys {
    /** Newest first, as the store lists them: creation time, then the id as PostgreSQL orders uuids. */
    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparing(ApiKey::createdAt)
            .thenComparing(ApiKey::id, UuidOrder.UNSIGNED)
            .reversed();

    private final Map<UUID, ApiKey> keys = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads

    @Override
    public void add(ApiKey key) {
        locked(() -> {
            if (keys.containsKey(key.id())) {
                throw new IllegalStateException("duplicate primary key " + key.id());
            }
            if (keys.values().stream().anyMatch(other -> other.prefix().equals(key.prefix()))) {
                throw new IllegalStateException("an API key with prefix " + key.prefix() + " exists");
            }
            return keys.put(key.id(), key);
        });
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return locked(() -> keys.values().stream()
                .filter(key -> key.prefix().equals(prefix))
                .findFirst());
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return locked(() -> Optional.ofNullable(keys.get(id)));
    }

    @Override
    public List<ApiKey> listForTeam(TeamSlug team) {
        return locked(() -> keys.values().stream()
                .filter(key -> team.equals(key.team()))
                .sorted(NEWEST_FIRST)
                .toList());
    }

    @Override
    public List<ApiKey> listPlatformKeys() {
        return locked(() -> keys.values().stream()
                .filter(key -> key.team() == null)
                .sorted(NEWEST_FIRST)
                .toList());
    }

    @Override
    public boolean revoke(UUID id, Instant at) {
        return locked(() -> {
            ApiKey key = keys.get(id);
            if (key == null || key.revokedAt() != null) {
                return false;
            }
            keys.put(id, key.revoked(at));
            return true;
        });
    }

    @Override
    public void recordUse(UUID id, Instant at) {
        locked(() -> keys.computeIfPresent(
                id,
                (ignored, key) ->
                        key.lastUsedAt() != null && !at.isAfter(key.lastUsedAt()) ? key : withLastUse(key, at)));
    }

    @Override
    public boolean anyPlatformAdminKey() {
        return locked(() -> keys.values().stream().anyMatch(key -> key.role() == Role.PLATFORM_ADMIN));
    }

    private static ApiKey withLastUse(ApiKey key, Instant at) {
        return new ApiKey(
                key.id(),
                key.team(),
                key.role(),
                key.prefix(),
                key.tokenHash(),
                key.description(),
                key.createdAt(),
                key.expiresAt(),
                at,
                key.revokedAt());
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Nothing to do: each call here is atomic, and the tests that use this store run no transactions side by side
     * (they run their work directly). The lock's waiting is checked on PostgreSQL.
     */
    @Override
    public void lockPlatformKeys() {}
}
