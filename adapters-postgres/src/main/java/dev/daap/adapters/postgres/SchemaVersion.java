package dev.daap.adapters.postgres;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** How many changesets Liquibase has applied: one cheap query that also proves the database answers. */
public final class SchemaVersion {
    private final DSLContext dsl;
    private final String schema;

    public SchemaVersion(DSLContext dsl, String schema) {
        this.dsl = dsl;
        this.schema = schema;
    }

    public int appliedChangesets() {
        return dsl.fetchCount(DSL.table(DSL.name(schema, "databasechangelog")));
    }
}
