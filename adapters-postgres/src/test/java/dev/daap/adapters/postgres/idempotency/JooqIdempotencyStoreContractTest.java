package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.testing.IdempotencyStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqIdempotencyStoreContractTest extends IdempotencyStoreContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected IdempotencyStore store() {
        return new JooqIdempotencyStore(transaction::dsl);
    }
}
