package dev.daap.adapters.postgres;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.TEAMS;

import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.team.TeamSlug;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestPostgres;
import java.time.Instant;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * One database per test JVM with DAAP's schema migrated, which tests use through a {@link RolledBackTransaction}
 * each, so they leave nothing behind and can run in parallel.
 */
public final class MigratedDatabase {
    public static final String SCHEMA = "daap";
    private static DataSource dataSource;

    private MigratedDatabase() {}

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = ofItsOwn("adapters");
        }
        return dataSource;
    }

    /**
     * A new database (named from {@code prefix}) with DAAP's schema migrated, for tests that must commit, hold
     * locks or load data that the shared database's other tests must not see.
     */
    public static DataSource ofItsOwn(String prefix) {
        TestPostgres postgres = TestPostgres.shared();
        DataSource fresh = postgres.dataSource(postgres.createDatabase(prefix));
        new Migrator(fresh, SCHEMA).up();
        return fresh;
    }

    /**
     * Makes sure each team exists (databases and API keys refer to their team), named after its slug. Tests use
     * slugs of their own: two open transactions inserting one slug would wait on each other.
     */
    public static void teamsExist(DSLContext dsl, TeamSlug... teams) {
        for (TeamSlug team : teams) {
            dsl.insertInto(TEAMS)
                    .set(TEAMS.SLUG, team.value())
                    .set(TEAMS.DISPLAY_NAME, team.value())
                    .set(TEAMS.CREATED_AT, Instant.parse("2026-01-01T00:00:00Z"))
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /**
     * Makes sure each cluster exists (databases refer to their cluster): active, unlimited, on a made-up admin
     * address. Tests use clusters of their own, as they do teams.
     */
    public static void clustersExist(DSLContext dsl, ClusterRef... clusters) {
        for (ClusterRef cluster : clusters) {
            dsl.insertInto(CLUSTERS)
                    .set(CLUSTERS.ID, cluster.id().value())
                    .set(CLUSTERS.NAME, cluster.name().value())
                    .set(CLUSTERS.ADMIN_HOST, "pg.test")
                    .set(CLUSTERS.ADMIN_PORT, 5432)
                    .onConflictDoNothing()
                    .execute();
        }
    }
}
