package dev.daap.domain.audit;

import dev.daap.domain.common.Page;

/**
 * The append-only audit log (a secondary port). {@link #append} joins the transaction open on the calling thread,
 * so an entry is stored exactly when the change it describes is.
 */
public interface AuditLog {
    void append(AuditEvent event);

    /** One page of entries matching the query, newest first. */
    Page<AuditEvent> list(AuditQuery query);
}
