package dev.daap.adapters.http;

import dev.daap.domain.audit.AuditLog;
import dev.daap.testing.AuditLogContract;
import dev.daap.testing.InMemoryAuditLog;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Override
    protected AuditLog log() {
        return log;
    }
}
