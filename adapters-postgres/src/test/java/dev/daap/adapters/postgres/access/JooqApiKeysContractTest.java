package dev.daap.adapters.postgres.access;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.ApiKeysContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test, through one
 * instance per test, so its cache and its batched uses are part of what is checked.
 */
class JooqApiKeysContractTest extends ApiKeysContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final JooqApiKeys keys = new JooqApiKeys(transaction::dsl);

    @Override
    protected ApiKeys keys() {
        return keys;
    }

    @Override
    protected void teamExists(TeamSlug slug) {
        MigratedDatabase.teamsExist(transaction.dsl(), slug);
    }

    @Override
    protected void flushUsage() {
        keys.flushUsage();
        if (keys.pendingUses() > 0) {
            throw new AssertionError("the flush failed: see the log");
        }
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
