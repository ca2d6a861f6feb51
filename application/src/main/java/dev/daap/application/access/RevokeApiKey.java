package dev.daap.application.access;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.ApiKeyNotFoundException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.TeamSlug;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Revokes a team's key. It stops working at once on this instance (the store drops it from its cache), and on
 * other instances within the cache's lifetime. Revoking a revoked key changes nothing and is not an error.
 */
public final class RevokeApiKey {
    private final Transactions transactions;
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final Clock clock;

    public RevokeApiKey(Transactions transactions, ApiKeys keys, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    public ApiKey execute(Caller caller, TeamSlug team, UUID keyId) {
        AccessPolicy.requireRole(caller.principal(), team, Role.ADMIN, () -> new TeamNotFoundException(team.value()));
        return transactions.inTransaction(() -> revoke(
                caller,
                keys.find(keyId)
                        .filter(found -> team.equals(found.team()))
                        .orElseThrow(() -> new ApiKeyNotFoundException(keyId.toString()))));
    }

    /**
     * Revokes a platform admin key, unless it is the last one that still works: then nobody could administer the
     * installation any more (a 409; issue another platform admin key first).
     */
    public ApiKey platformKey(Caller caller, UUID keyId) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "revoking a platform admin key");
        return transactions.inTransaction(() -> {
            keys.lockPlatformKeys(); // until this commits, so that a revocation beside it sees its outcome
            ApiKey key = keys.find(keyId)
                    .filter(found -> found.team() == null)
                    .orElseThrow(() -> new ApiKeyNotFoundException(keyId.toString()));
            Instant now = clock.instant();
            boolean anotherWorks = keys.listPlatformKeys().stream()
                    .anyMatch(other -> !other.id().equals(keyId) && other.isUsableAt(now));
            if (key.revokedAt() == null && !anotherWorks) {
                throw new IllegalTransitionException("this is the last platform admin key that works; create "
                        + "another one (POST /v1/api-keys) before revoking it");
            }
            return revoke(caller, key);
        });
    }

    private ApiKey revoke(Caller caller, ApiKey key) {
        if (key.revokedAt() != null) {
            return key;
        }
        Instant now = clock.instant();
        keys.revoke(key.id(), now);
        ApiKey revoked = key.revoked(now);
        audit.apiKeyRevoked(caller, key, revoked);
        return revoked;
    }
}
