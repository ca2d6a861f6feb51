package dev.daap.adapters.postgres.audit;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.audit.AuditLog;
import dev.daap.testing.AuditLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL in a rolled-back transaction per test. */
class JooqAuditLogContractTest extends AuditLogContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected AuditLog log() {
        return new JooqAuditLog(transaction::dsl);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
