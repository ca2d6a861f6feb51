package dev.daap.adapters.postgres;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import javax.sql.DataSource;

/** Builds the DSLContext: the generated classes name schema {@code daap}; DB_SCHEMA may choose another. */
public final class JooqFactory {
    public static final String GENERATED_SCHEMA = "daap";

    private JooqFactory() {
    }

    public static DSLContext create(DataSource dataSource, String schema) {
        return DSL.using(dataSource, SQLDialect.POSTGRES, settings(schema));
    }

    public static Settings settings(String schema) {
        Settings settings = new Settings()
                .withExecuteLogging(false)
                // jOOQ asks the driver for SQL warnings after every statement unless told not to; nothing reads them.
                .withFetchWarnings(false);
        // A mapping is looked up for every table of every statement rendered; the default schema needs none.
        return GENERATED_SCHEMA.equals(schema) ? settings : settings.withRenderMapping(new RenderMapping()
                .withSchemata(new MappedSchema().withInput(GENERATED_SCHEMA).withOutput(schema)));
    }
}
