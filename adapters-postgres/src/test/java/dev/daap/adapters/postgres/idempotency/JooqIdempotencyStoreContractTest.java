package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.testing.IdempotencyStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqIdempotencyStoreContractTest extends IdempotencyStoreContract {
    private RolledBackTransaction transaction;

    @BeforeEach
    void begin() {
        transaction = new RolledBackTransaction();
    }

    @AfterEach
    void rollBack() throws Exception {
        transaction.close();
    }

    @Override
    protected IdempotencyStore store() {
        return new JooqIdempotencyStore(transaction::dsl);
    }
}
