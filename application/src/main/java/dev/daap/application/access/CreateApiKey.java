package dev.daap.application.access;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.Teams;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * A team admin (or a platform admin) issues a key for the team, or a platform admin issues another platform admin
 * key; the token is returned once and never stored.
 */
public final class CreateApiKey {
    private final Transactions transactions;
    private final Teams teams;
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CreateApiKey(
            Transactions transactions, Teams teams, ApiKeys keys, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.teams = teams;
        this.keys = keys;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public IssuedApiKey execute(Caller caller, CreateApiKeyCommand command) {
        if (command.team() == null) {
            AccessPolicy.requirePlatformAdmin(caller.principal(), "creating a platform admin key");
        } else {
            AccessPolicy.requireRole(
                    caller.principal(),
                    command.team(),
                    Role.ADMIN,
                    () -> new TeamNotFoundException(command.team().value()));
        }
        Instant now = clock.instant();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw InvalidInputException.of("expires_at", "must be in the future");
        }
        ApiToken token = ApiToken.generate(random);
        ApiKey key = ApiKey.issue(
                ids.newId(), command.team(), command.role(), token, command.description(), now, command.expiresAt());
        return transactions.inTransaction(() -> {
            if (command.team() != null && teams.find(command.team()).isEmpty()) {
                throw new TeamNotFoundException(command.team().value());
            }
            keys.add(key);
            audit.apiKeyCreated(caller, key);
            return new IssuedApiKey(key, token.value());
        });
    }
}
