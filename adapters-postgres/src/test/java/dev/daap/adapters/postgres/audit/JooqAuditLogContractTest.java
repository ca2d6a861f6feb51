package dev.daap.adapters.postgres.audit;

import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.domain.audit.AuditLog;
import dev.daap.testing.AuditLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqAuditLogContractTest extends AuditLogContract {
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
    protected AuditLog log() {
        return new JooqAuditLog(transaction::dsl);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
