package dev.daap.domain.audit;

import dev.daap.domain.common.Page;

/**
 * The append-only audit log (a secondary port). {@link #append} joins the transaction open on the calling thread,
 * so an entry is stored exactly when the change it describes is.
 */
public interface AuditLog {
    /**
     * Stores the entry, for good: nothing changes or removes it afterwards. Throws {@link IllegalArgumentException}
     * if a snapshot holds anything but strings, booleans, null, whole numbers (up to Long), finite doubles or floats
     * below 2^63 in magnitude, lists and maps with string keys, naming the offending path ({@code before.labels}).
     */
    void append(AuditEvent event);

    /**
     * One page of entries matching every filter the query has, newest first (by id). {@code team} matches the
     * resource's team exactly, so entries without a team appear only when no team is asked for. A resource id is
     * meant together with its resource type; alone it is still honoured but no index serves it. Snapshots come back
     * as JSON reads them: whole numbers as Long, other numbers as Double, objects as maps, arrays as lists.
     */
    Page<AuditEvent> list(AuditQuery query);
}
