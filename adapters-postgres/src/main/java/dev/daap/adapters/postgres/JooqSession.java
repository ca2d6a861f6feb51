package dev.daap.adapters.postgres;

import org.jooq.DSLContext;

/** Gives repositories the DSLContext to use: the open transaction's, or an autocommit one outside any. */
@FunctionalInterface
public interface JooqSession {
    DSLContext dsl();

    /**
     * Sends {@code NOTIFY channel, payload} once the current transaction has committed; never if it rolls back.
     * This default sends it in the session's own transaction, where PostgreSQL delivers it on commit too; the unit
     * of work ({@link JooqTransactions}) sends it after the commit instead, because a transaction that notifies
     * takes a cluster-wide lock through its commit, which serialises every such commit behind the WAL flush.
     */
    default void notifyAfterCommit(String channel, String payload) {
        dsl().select(NotificationSender.notification(channel, payload)).fetch();
    }
}
