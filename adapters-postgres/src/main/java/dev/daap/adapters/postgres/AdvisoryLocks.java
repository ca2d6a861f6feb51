package dev.daap.adapters.postgres;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Transaction-scoped advisory locks keyed by text, in key spaces of their own (the two-int form: the space, then the
 * text's hash), for counts that must not be raced even while there is no row to lock (a database's snapshots,
 * users, backups). A hash collision only makes two unrelated keys take turns.
 */
public final class AdvisoryLocks {
    private AdvisoryLocks() {}

    /** Waits for and holds the lock of {@code key} in {@code space} until the current transaction ends. */
    public static void lockUntilCommit(DSLContext dsl, int space, String key) {
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, hashtext({1}))", Object.class, DSL.val(space), DSL.val(key)))
                .fetch();
    }
}
