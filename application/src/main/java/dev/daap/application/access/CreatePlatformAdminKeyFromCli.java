package dev.daap.application.access;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * An operator who can reach DAAP's database, but knows no platform admin key (the generated one was lost, say),
 * makes a new one at the command line ({@code daap admin create-key}). There is no API key to check: access to the
 * database is the authority, and the audit log names the command line as the actor. The token is returned once.
 */
public final class CreatePlatformAdminKeyFromCli {
    private final Transactions transactions;
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CreatePlatformAdminKeyFromCli(
            Transactions transactions, ApiKeys keys, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param command a platform admin key's ({@link CreateApiKeyCommand#forPlatform}) */
    public IssuedApiKey execute(CreateApiKeyCommand command) {
        if (command.role() != Role.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("the command line makes platform admin keys only");
        }
        ApiToken token = ApiToken.generate(random);
        ApiKey key = ApiKey.issue(
                ids.newId(),
                null,
                Role.PLATFORM_ADMIN,
                token,
                command.description(),
                clock.instant(),
                command.expiresAt());
        return transactions.inTransaction(() -> {
            keys.add(key);
            audit.apiKeyCreatedByCommandLine(key);
            return new IssuedApiKey(key, token.value());
        });
    }
}
