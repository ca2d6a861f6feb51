package dev.daap.application.access;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Caller;
import java.time.Clock;
import java.time.Instant;

/**
 * Revokes a key found by a revoking use case, in its transaction, with its audit entry. It stops working at once
 * on this instance (the store drops it from its cache), and on other instances within the cache's lifetime.
 * Revoking a revoked key changes nothing and is not an error.
 */
final class KeyRevocation {
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final Clock clock;

    KeyRevocation(ApiKeys keys, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    ApiKey revoke(Caller caller, ApiKey key) {
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
