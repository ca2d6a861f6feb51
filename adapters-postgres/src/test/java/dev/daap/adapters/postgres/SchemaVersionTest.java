package dev.daap.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.migrations.Migrator;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The schema and server versions that GET /v1/version and readiness report, read from a migrated database. */
class SchemaVersionTest {
    private final DSLContext dsl = DSL.using(MigratedDatabase.dataSource(), SQLDialect.POSTGRES);

    @Test
    void countsTheAppliedChangesetsAndNamesTheLatest() {
        var status = new Migrator(MigratedDatabase.dataSource(), MigratedDatabase.SCHEMA).status();
        var version = new SchemaVersion(dsl, MigratedDatabase.SCHEMA);

        assertThat(version.appliedChangesets())
                .isEqualTo(status.applied().size())
                .isPositive();
        assertThat(version.latestChangeset()).contains(status.applied().getLast());
    }

    @Test
    void readsTheServersOwnVersion() {
        String version = PostgresServerVersion.of(MigratedDatabase.dataSource());

        assertThat(version).matches("\\d+(\\.\\d+)?\\b.*");
        assertThat(Integer.parseInt(version.split("[.\\s]")[0])).as(version).isGreaterThanOrEqualTo(14);
    }
}
