package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up and the CLI fail clearly, with the exit codes the README promises, and never with a stack trace. */
class StartupFailureTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dataDir;

    @Test
    void anExternalServerThatNeverAnswersFailsAfterTheBoundedWait() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Instant started = Instant.now();
        int exit = run(
                List.of("serve"),
                Map.of("DATABASE_URL", "postgres://u:p@127.0.0.1:" + closedPort + "/db", "DB_WAIT_TIMEOUT", "2s"));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr())
                .contains("did not answer within 2s", "DB_WAIT_TIMEOUT")
                .doesNotContain("\tat ");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aWrongPasswordFailsAtOnceWithoutWaiting() {
        TestPostgres postgres = TestPostgres.shared();
        Instant started = Instant.now();
        int exit = run(
                List.of("migrate", "status"),
                Map.of(
                        "DATABASE_URL",
                        "postgres://" + postgres.user() + ":wrong-password@" + postgres.host() + ":" + postgres.port()
                                + "/postgres",
                        "DB_WAIT_TIMEOUT",
                        "60s"));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("cannot use PostgreSQL", "password authentication failed", "check DATABASE_URL");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWrongPasswordGivenApartNamesTheVariableItCameFrom() {
        TestPostgres postgres = TestPostgres.shared();
        int exit = run(
                List.of("migrate", "status"),
                Map.of(
                        "DATABASE_URL",
                        "postgres://" + postgres.host() + ":" + postgres.port() + "/postgres",
                        "DATABASE_USER",
                        postgres.user(),
                        "DATABASE_PASSWORD",
                        "wrong/pass+word"));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr())
                .contains("password authentication failed", "check DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD")
                .doesNotContain("wrong/pass+word");
    }

    @Test
    void aBadVariableIsNamed() {
        assertThat(run(List.of("serve"), Map.of("DB_MAX_CONN_IDLE_TIME", "soon")))
                .isEqualTo(1);
        assertThat(stderr()).contains("DB_MAX_CONN_IDLE_TIME must be a duration");
    }

    @Test
    void aBadCommandLineShowsTheUsage() {
        assertThat(run(List.of("migrate", "sideways"), Map.of())).isEqualTo(2);
        assertThat(stderr()).contains("unknown migrate command 'sideways'", "usage: java -jar daap.jar");
    }

    @Test
    void migrateUpStatusAndDownWorkFromTheCommandLine() {
        TestPostgres postgres = TestPostgres.shared();
        String url = "postgres://" + postgres.user() + ":" + postgres.password() + "@" + postgres.host() + ":"
                + postgres.port() + "/" + postgres.createDatabase("cli");
        Map<String, String> env = Map.of("DATABASE_URL", url);

        assertThat(run(List.of("migrate", "status"), env)).isZero();
        assertThat(stdout()).contains("0 applied", "pending  0001-pg-trgm");
        assertThat(run(List.of("migrate", "up"), env)).isZero();
        assertThat(stdout()).containsPattern("applied [1-9]\\d* changeset\\(s\\)");
        List<String> applied = applied(env);
        assertThat(run(List.of("migrate", "down", "--count", "2"), env)).isZero();
        assertThat(stdout())
                .contains("rolled back 2 changeset(s): " + applied.getLast() + ", " + applied.get(applied.size() - 2));
        assertThat(run(List.of("migrate", "status"), env)).isZero();
        assertThat(stdout()).contains("2 pending", "applied  0001-pg-trgm");
    }

    @Test
    void migrateDownThatWouldDropDataSaysWhatAndNeedsYes() {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_SECRET_KEY", RunningDaap.TEST_KEY);
        try (RunningDaap daap = RunningDaap.start(env)) {
            assertThat(daap.post(
                                    "/v1/databases",
                                    "{\"name\": \"orders\", \"owner_team\": \"payments\", " + "\"purpose\": \"kept\"}")
                            .status())
                    .isEqualTo(201);
        }

        assertThat(run(List.of("migrate", "down", "--count", "99"), env)).isEqualTo(1);
        assertThat(stderr())
                .contains("would drop", "table daap.databases (1 row)", "table daap.teams (3 rows)")
                .contains("table daap.api_keys (1 row)", "table daap.audit_events (")
                .doesNotContain("column daap.audit_events.actor_kind") // the table's loss says it already
                .contains("nothing was rolled back", "then run `daap migrate down --count 99 --yes`");
        assertThat(run(List.of("migrate", "status"), env)).isZero();
        assertThat(stdout()).contains("0 pending");

        // The move's changesets (daap:0240-0242) go first: an empty table and two constraints, nothing to ask.
        assertThat(run(List.of("migrate", "down", "--count", "3"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 3 changeset(s): 0242-database-moves, 0241-jobs-kind-move, "
                        + "0240-databases-status-moving");
        // The event type of a crossed storage limit (daap:0230) next: a constraint only, nothing to ask.
        assertThat(run(List.of("migrate", "down"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0230-events-quota-state-changed");
        // The cluster filter's index (daap:0204) and the quota state (daap:0203) next: an index, and a column every
        // row holds ('ok'), so --yes.
        assertThat(run(List.of("migrate", "down", "--count", "2", "--yes"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 2 changeset(s): 0204-databases-live-cluster-index, 0203-databases-quota-state");
        // The usage tables and the revisions' index by time (daap:0210-0212) next: a probe may have sampled the
        // database already, so --yes.
        assertThat(run(List.of("migrate", "down", "--count", "3", "--yes"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 3 changeset(s): 0212-database-revisions-changed-at-index, "
                        + "0211-usage-hourly-table, 0210-usage-samples-table");
        // The backup schedules (daap:0200-0202) next: columns with no policy in them and an index; --yes all the
        // same, as the backups' column holds a default.
        assertThat(run(List.of("migrate", "down", "--count", "3", "--yes"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 3 changeset(s): 0202-backups-scheduled, 0201-databases-backup-due-index, "
                        + "0200-databases-backup-policy");
        // Failed users (daap:0187) next: a column of the users' table, whose first owner row holds it, so --yes.
        assertThat(run(List.of("migrate", "down", "--yes"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0187-database-users-failed");
        // The plans (daap:0140-0146) next: their columns of databases and teams hold the rows' values, so --yes.
        assertThat(run(List.of("migrate", "down", "--count", "7", "--yes"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 7 changeset(s): 0146-teams-live-databases-per-statement, "
                        + "0145-teams-live-databases, 0144-jobs-kind-apply-plan, "
                        + "0143-teams-limits, 0142-databases-plan, 0141-default-plan-catalog, 0140-plans-table");
        // Then the restore drills' changesets (daap:0190-0194): an empty table, columns of a table with no rows and
        // two constraints, nothing to ask.
        assertThat(run(List.of("migrate", "down", "--count", "5"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 5 changeset(s): 0194-periodic-runs-table, 0193-events-backup-verification, "
                        + "0192-jobs-kind-backup-drill, 0191-backups-verification, 0190-backups-tables");
        // The job kind of a move's rotation (daap:0186) next: a constraint only, and no job of it here.
        assertThat(run(List.of("migrate", "down"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0186-jobs-kind-users-rotate-after-move");
        // The index on clone sources (daap:0180) next: an index only, nothing to ask.
        assertThat(run(List.of("migrate", "down"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0180-clone-sources-source-index");
        // Then the access levels and users (daap:0120-0125), with the first owner user that the create stored.
        assertThat(run(List.of("migrate", "down", "--count", "6", "--yes"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout()).contains("rolled back 6 changeset(s)", "0122-database-users-table", "0120-jobs-kind");
        // Backups' changesets drop an empty table and re-create two constraints: nothing to ask.
        assertThat(run(List.of("migrate", "down", "--count", "4"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 4 changeset(s): 0103-backup-restores-table, 0102-events-backup-types, "
                        + "0101-jobs-backup-kinds, 0100-backups-table");
        // The revisions' changesets drop and re-create indexes, and the backfilled revisions (derived from the
        // databases, made again by the next migrate up): nothing to ask.
        assertThat(run(List.of("migrate", "down", "--count", "4"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout())
                .contains("rolled back 4 changeset(s): 0094-databases-all-rows-list-indexes, "
                        + "0093-databases-team-search-index, 0092-btree-gin, 0091-database-revisions-backfill");
        // The revisions' table holds the create's revision: its drop asks.
        assertThat(run(List.of("migrate", "down"), env)).isEqualTo(1);
        assertThat(stderr()).contains("table daap.database_revisions (1 row)");
        assertThat(run(List.of("migrate", "down", "--yes"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0090-database-revisions-table");
        // Then the probe's measured sizes, which hold rows once a probe measured any: --yes.
        assertThat(run(List.of("migrate", "down", "--yes"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0080-cluster-database-sizes");
        // The one before drops an index only: nothing to ask.
        assertThat(run(List.of("migrate", "down"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0071-databases-labels-index");
        // The one before drops only a column (the stored search document, which the row has a value in): it asks
        // as well. (The planner does not tell a generated column from one that holds data of its own.)
        assertThat(run(List.of("migrate", "down"), env)).isEqualTo(1);
        assertThat(stderr()).contains("column daap.databases.search_document (1 row)");
        assertThat(run(List.of("migrate", "down", "--yes"), env)).as(stderr()).isZero();
        assertThat(stdout()).contains("rolled back 1 changeset(s): 0070-databases-search-document");
        // The changesets after deletion's first, down to it, drop no data held here (the snapshots' tables are
        // empty): nothing to ask. That first one drops columns of databases, and a row holds them: it asks.
        List<String> applied = applied(env);
        int withoutLoss = applied.size() - 1 - applied.indexOf("0050-databases-deletion-columns");
        assertThat(run(List.of("migrate", "down", "--count", String.valueOf(withoutLoss)), env))
                .as(stderr())
                .isZero();
        assertThat(stdout()).contains("rolled back " + withoutLoss + " changeset(s): " + applied.getLast() + ", ");
        assertThat(run(List.of("migrate", "down"), env)).isEqualTo(1);
        assertThat(stderr()).contains("column daap.databases.deletion_protection (");

        assertThat(run(List.of("migrate", "down", "--count", "99", "--yes"), env))
                .isZero();
        assertThat(stdout()).contains("rolled back", "dropped, with their data: ", "table daap.databases (1 row)");
        assertThat(run(List.of("migrate", "status"), env)).isZero();
        assertThat(stdout()).contains("0 applied");
    }

    @Test
    void migrateDownOfChangesetsThatDropNoDataNeedsNoYes() {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        assertThat(run(List.of("migrate", "up"), env)).isZero();
        // A fresh schema holds one thing of its own: the default plan catalog (daap:0141), which an admin may have
        // changed since. Its table's drop asks, and nothing else does.
        assertThat(run(List.of("migrate", "down", "--count", "99"), env)).isEqualTo(1);
        assertThat(stderr()).contains("would drop table daap.plans (3 rows);");
        // The move's three (daap:0240-0242), the event type of a crossed storage limit (daap:0230), the cluster
        // filter's index (daap:0204), the quota state (daap:0203), the usage tables' three (daap:0210-0212), the
        // backup schedules' three (daap:0200-0202), failed users (daap:0187) and the plans' seven roll back first.
        assertThat(run(List.of("migrate", "down", "--count", "20", "--yes"), env))
                .as(stderr())
                .isZero();

        assertThat(run(List.of("migrate", "down", "--count", "99"), env))
                .as(stderr())
                .isZero();
        assertThat(stdout()).contains("rolled back").doesNotContain("dropped");
    }

    /** The applied changesets, oldest first, as {@code migrate status} lists them. */
    private List<String> applied(Map<String, String> env) {
        assertThat(run(List.of("migrate", "status"), env)).isZero();
        return stdout().lines()
                .map(String::strip)
                .filter(line -> line.startsWith("applied  "))
                .map(line -> line.substring("applied  ".length()))
                .toList();
    }

    private int run(List<String> args, Map<String, String> env) {
        out.reset();
        err.reset();
        Map<String, String> withDataDir = new java.util.HashMap<>(env);
        withDataDir.putIfAbsent("DAAP_DATA_DIR", dataDir.toString()); // never ./data of the checkout
        return Main.run(
                args,
                withDataDir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
