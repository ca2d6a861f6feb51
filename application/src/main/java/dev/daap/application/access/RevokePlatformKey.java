package dev.daap.application.access;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.ApiKeyNotFoundException;
import dev.daap.domain.error.IllegalTransitionException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform admin revokes a platform admin key, unless it is the last one that still works: then nobody could
 * administer the installation any more (a 409; issue another platform admin key first). See {@link KeyRevocation}.
 */
public final class RevokePlatformKey {
    private final Transactions transactions;
    private final ApiKeys keys;
    private final KeyRevocation revocation;
    private final Clock clock;

    public RevokePlatformKey(Transactions transactions, ApiKeys keys, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.revocation = new KeyRevocation(keys, audit, clock);
        this.clock = clock;
    }

    public ApiKey execute(Caller caller, UUID keyId) {
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
            return revocation.revoke(caller, key);
        });
    }
}
