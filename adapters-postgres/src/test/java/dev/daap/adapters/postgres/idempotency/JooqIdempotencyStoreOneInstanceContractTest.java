package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.testing.IdempotencyStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract again with one store for the whole test, so that replays come from its memory of completed
 * responses; {@link JooqIdempotencyStoreContractTest} makes a store per call, so every answer there comes from
 * the database.
 */
class JooqIdempotencyStoreOneInstanceContractTest extends IdempotencyStoreContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final IdempotencyStore store = new JooqIdempotencyStore(transaction::dsl);

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
