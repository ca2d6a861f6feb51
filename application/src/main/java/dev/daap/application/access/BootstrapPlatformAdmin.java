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
import java.util.Optional;

/**
 * Makes sure a new installation can be administered: with a configured token ({@code DAAP_ADMIN_TOKEN}) that token
 * becomes a platform admin key; without one, the first start generates a key and hands its token back once, to be
 * printed. Once any platform admin key exists, nothing is generated again.
 */
public final class BootstrapPlatformAdmin {
    static final String CONFIGURED = "configured by DAAP_ADMIN_TOKEN";
    static final String GENERATED = "generated at first start";

    private final Transactions transactions;
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public BootstrapPlatformAdmin(
            Transactions transactions, ApiKeys keys, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param configured the operator's token, if any; throws {@link IllegalArgumentException} if it is not a DAAP
     *                   token or its prefix belongs to another key
     * @return the token of a key generated just now, to be shown once; empty otherwise
     */
    public Optional<String> execute(Optional<String> configured) {
        if (configured.isPresent()) {
            adopt(ApiToken.parse(configured.get()));
            return Optional.empty();
        }
        return transactions.inTransaction(() -> {
            keys.lockPlatformKeys(); // two instances starting together on a new database generate one key, not two
            if (keys.anyPlatformAdminKey()) {
                return Optional.empty();
            }
            ApiToken token = ApiToken.generate(new SecureRandom());
            store(token, GENERATED);
            return Optional.of(token.value());
        });
    }

    private void adopt(ApiToken token) {
        transactions.inTransaction(() -> {
            keys.lockPlatformKeys(); // two instances adopting the same token together: one stores it, one finds it
            Optional<ApiKey> existing = keys.findByPrefix(token.prefix());
            if (existing.isEmpty()) {
                store(token, CONFIGURED);
            } else if (!token.matches(existing.get().tokenHash())
                    || existing.get().role() != Role.PLATFORM_ADMIN) {
                throw new IllegalArgumentException(
                        "its prefix " + token.prefix() + " belongs to another API key; " + "choose another token");
            }
            return null;
        });
    }

    private void store(ApiToken token, String description) {
        ApiKey key = ApiKey.issue(ids.newId(), null, Role.PLATFORM_ADMIN, token, description, clock.instant(), null);
        keys.add(key);
        audit.apiKeyCreatedBySystem(key);
    }
}
