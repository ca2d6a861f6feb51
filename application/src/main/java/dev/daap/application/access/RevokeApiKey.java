package dev.daap.application.access;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.ApiKeyNotFoundException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.TeamSlug;
import java.time.Clock;
import java.util.UUID;

/** A team admin (or a platform admin) revokes one of the team's keys; see {@link KeyRevocation}. */
public final class RevokeApiKey {
    private final Transactions transactions;
    private final ApiKeys keys;
    private final KeyRevocation revocation;

    public RevokeApiKey(Transactions transactions, ApiKeys keys, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.revocation = new KeyRevocation(keys, audit, clock);
    }

    public ApiKey execute(Caller caller, TeamSlug team, UUID keyId) {
        AccessPolicy.requireRole(caller.principal(), team, Role.ADMIN, () -> new TeamNotFoundException(team.value()));
        return transactions.inTransaction(() -> revocation.revoke(
                caller,
                keys.find(keyId)
                        .filter(found -> team.equals(found.team()))
                        .orElseThrow(() -> new ApiKeyNotFoundException(keyId.toString()))));
    }
}
