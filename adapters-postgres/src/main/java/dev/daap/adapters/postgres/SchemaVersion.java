package dev.daap.adapters.postgres;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What Liquibase has applied, read from its changelog table: cheap queries that also prove the database answers. */
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

    /** The id of the changeset applied last; empty on a schema that has none. */
    public Optional<String> latestChangeset() {
        return dsl.select(DSL.field(DSL.name("id"), String.class))
                .from(DSL.table(DSL.name(schema, "databasechangelog")))
                .orderBy(DSL.field(DSL.name("orderexecuted")).desc())
                .limit(1)
                .fetchOptional(0, String.class);
    }
}
