package dev.daap.adapters.postgres;

import org.jooq.DSLContext;

/** Gives repositories the DSLContext to use: the open transaction's, or an autocommit one outside any. */
@FunctionalInterface
public interface JooqSession {
    DSLContext dsl();
}
