package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.testing.IdempotencyStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract again with one store for the whole test, so that replays come from its memory of completed
 * responses; {@link JooqIdempotencyStoreContractTest} makes a store per call, so every answer there comes from
 * the database.
 */
class JooqIdempotencyStoreOneInstanceContractTest extends IdempotencyStoreContract {
    private final RolledBackTransaction transaction = new RolledBackTransaction();
    private final IdempotencyStore store = new JooqIdempotencyStore(transaction::dsl);

    @AfterEach
    void rollBack() throws Exception {
        transaction.close();
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
