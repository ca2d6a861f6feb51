package dev.daap.adapters.postgres;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The version a PostgreSQL server reports of itself, e.g. {@code 17.6 (Debian 17.6-1.pgdg12+1)}. */
public final class PostgresServerVersion {
    private PostgresServerVersion() {}

    public static String of(DSLContext dsl) {
        return dsl.select(DSL.function("current_setting", String.class, DSL.val("server_version")))
                .fetchSingle(0, String.class);
    }

    /** Over a connection of its own from {@code dataSource}, closed again at once. */
    public static String of(DataSource dataSource) {
        return of(DSL.using(dataSource, SQLDialect.POSTGRES));
    }
}
