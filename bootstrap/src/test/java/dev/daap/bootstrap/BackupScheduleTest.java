package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.backup.ScheduleBackups;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.bootstrap.observability.Telemetry;
import dev.daap.bootstrap.observability.TelemetrySettings;
import dev.daap.domain.access.Caller;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled backups on real PostgreSQL with a clock the test moves: two instances sweeping at once take one backup
 * per slot, slots missed while DAAP was down get one backup between them, and retention deletes the oldest scheduled
 * backups beyond {@code retain} (never one a client took).
 */
class BackupScheduleTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();
    private DSLContext dsl;
    private TestClock clock;
    private Wiring wiring;
    private Database database;
    private final SaidTools tools = new SaidTools();

    @BeforeEach
    void readyDatabase() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("schedules"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        clock = TestClock.at(Instant.parse("2026-12-04T10:17:00Z"));
        wiring = wiring();
        TestClusters.registerDefault(wiring, postgres);
        Database created = wiring.createDatabase()
                .execute(ADMIN, CreateDatabaseCommand.of("scheduled-" + System.nanoTime(), "platform", "kept", null));
        // Ready without provisioning: the sweep only queues backup jobs, which this test does not run.
        dsl.execute(
                "UPDATE daap.databases SET status = 'ready' WHERE id = ?",
                created.id().value());
        database = wiring.databases.find(created.id()).orElseThrow();
        assertThat(database.status()).isEqualTo(DatabaseStatus.READY);
    }

    private Wiring wiring() {
        var config = DaapConfig.fromEnvironment(Map.of());
        var cipher = new CredentialCipher(new byte[32]);
        var side = Wiring.BackupSide.of(config, cipher);
        return new Wiring(
                dsl,
                config,
                cipher,
                new PostgresProvisioners(),
                Wiring.ClusterSide.of(config, Optional.empty()),
                clock,
                Telemetry.start(TelemetrySettings.off(), Optional.empty()),
                new Wiring.BackupSide(side.store(), side.cipher(), tools));
    }

    /**
     * Whether this machine's pg_dump fits the cluster, as the test says: the sweep only asks, and queues jobs that
     * this test does not run (BackupsEndToEndTest dumps with the real tools).
     */
    private static final class SaidTools implements BackupTools {
        volatile boolean available = true;

        @Override
        public ToolCheck check(String serverVersion) {
            return new ToolCheck(available, available ? "the test's" : "none fits, the test says");
        }

        @Override
        public void dump(
                ClusterTarget target,
                NameOnCluster database,
                String serverVersion,
                String snapshot,
                OutputStream sink) {
            throw new UnsupportedOperationException("no backup job runs in this test");
        }

        @Override
        public void restore(
                ClusterTarget target, NameOnCluster database, String password, String dumpedFrom, InputStream archive) {
            throw new UnsupportedOperationException("no backup job runs in this test");
        }

        @Override
        public void copy(
                ClusterTarget from,
                NameOnCluster database,
                String serverVersion,
                ClusterTarget to,
                NameOnCluster into,
                String password) {
            throw new UnsupportedOperationException("no move job runs in this test");
        }
    }

    @Test
    void twoInstancesTakeOneBackupPerSlotAndAMissedSlotRunsOnce() throws Exception {
        wiring.backupSchedules.setPolicy(database.id(), new BackupPolicy(BackupSchedule.HOURLY, 5), clock.instant());

        Wiring other = wiring();
        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> sweep(wiring, start));
        var second = CompletableFuture.supplyAsync(() -> sweep(other, start));
        start.countDown();
        assertThat(first.get().taken().size() + second.get().taken().size()).isEqualTo(1);
        assertThat(scheduledBackups()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(42)); // 10:59: still the same slot
        assertThat(wiring.scheduleBackups().execute().taken()).isEmpty();
        clock.advance(Duration.ofMinutes(1)); // 11:00: the next one
        assertThat(wiring.scheduleBackups().execute().taken()).hasSize(1);
        assertThat(other.scheduleBackups().execute().taken()).isEmpty();

        clock.advance(Duration.ofDays(3)); // DAAP was down for 72 slots
        assertThat(wiring.scheduleBackups().execute().taken()).hasSize(1);
        assertThat(other.scheduleBackups().execute().taken()).isEmpty();
        assertThat(scheduledBackups()).isEqualTo(3);
        assertThat(dsl.fetchValue(
                        "SELECT backup_due_at FROM daap.databases WHERE id = ?",
                        database.id().value()))
                .hasToString("2026-12-07T12:00Z");
    }

    @Test
    void retentionDeletesTheOldestScheduledBackupsBeyondRetainAndNeverAClientsOne() {
        wiring.backupSchedules.setPolicy(database.id(), new BackupPolicy(BackupSchedule.DAILY, 2), clock.instant());
        Backup asked = wiring.backupUseCases().take().execute(ADMIN, database.id());
        makeReady(asked);
        Backup oldest = null;
        for (int day = 0; day < 3; day++) {
            ScheduleBackups.Outcome outcome = wiring.scheduleBackups().execute();
            assertThat(outcome.taken()).hasSize(1);
            assertThat(outcome.deleting()).as("day %d", day).isEmpty();
            oldest = oldest == null ? outcome.taken().getFirst() : oldest;
            makeReady(outcome.taken().getFirst());
            clock.advance(Duration.ofDays(1));
        }

        ScheduleBackups.Outcome fourth = wiring.scheduleBackups().execute();

        assertThat(fourth.deleting()).extracting(Backup::id).containsExactly(oldest.id());
        assertThat(wiring.backups.find(oldest.id()).orElseThrow().status()).isEqualTo(BackupStatus.DELETING);
        assertThat(wiring.backups.find(asked.id()).orElseThrow().status()).isEqualTo(BackupStatus.READY);
        assertThat(dsl.fetchCount(dsl.selectFrom("daap.jobs").where("kind = 'backup_delete'")))
                .isEqualTo(1);
    }

    @Test
    void aPurgedDatabasesScheduledBackupsAreDeletedOnceOlderThanRetainSlots() {
        wiring.backupSchedules.setPolicy(database.id(), new BackupPolicy(BackupSchedule.DAILY, 2), clock.instant());
        var taken = new java.util.ArrayList<Backup>();
        for (int day = 0; day < 3; day++) { // 10:17 on days 0, 1 and 2
            Backup backup = wiring.scheduleBackups().execute().taken().getFirst();
            makeReady(backup);
            taken.add(backup);
            clock.advance(Duration.ofDays(1));
        }
        dsl.execute(
                "UPDATE daap.databases SET status = 'purged', deleted_at = ? WHERE id = ?",
                clock.instant(),
                database.id().value());

        ScheduleBackups.Outcome day3 = wiring.scheduleBackups().execute();

        assertThat(day3.taken()).as("a purged database gets no backup").isEmpty();
        assertThat(day3.deleting())
                .extracting(Backup::id)
                .containsExactly(taken.getFirst().id());
        clock.advance(Duration.ofDays(1));
        assertThat(wiring.scheduleBackups().execute().deleting())
                .extracting(Backup::id)
                .containsExactly(taken.get(1).id());
    }

    @Test
    void aDatabaseThatNoToolsFitIsSkippedUntilTheNextSlot() {
        wiring.backupSchedules.setPolicy(database.id(), new BackupPolicy(BackupSchedule.HOURLY, 1), clock.instant());
        tools.available = false;

        assertThat(wiring.scheduleBackups().execute().taken()).isEmpty();
        assertThat(scheduledBackups()).isZero();
        tools.available = true;
        assertThat(wiring.scheduleBackups().execute().taken())
                .as("the slot has passed")
                .isEmpty();
        clock.advance(Duration.ofMinutes(43));
        assertThat(wiring.scheduleBackups().execute().taken()).hasSize(1);
    }

    @Test
    void aCreateThatSaysNothingOfBackupsTakesThePlatformDefaultDueAtTheNextMidnight() {
        assertThat(database.backupPolicy())
                .as("DAAP_BACKUP_POLICY's default, as record 002 decided")
                .isEqualTo(new BackupPolicy(BackupSchedule.DAILY, 30));

        assertThat(wiring.scheduleBackups().execute().taken()).isEmpty();
        clock.advance(Duration.ofHours(13).plusMinutes(42)); // 2026-12-04T23:59
        assertThat(wiring.scheduleBackups().execute().taken()).isEmpty();
        clock.advance(Duration.ofMinutes(1)); // midnight
        assertThat(wiring.scheduleBackups().execute().taken()).hasSize(1);
        assertThat(scheduledBackups()).isEqualTo(1);
    }

    @Test
    void aDatabaseWithItsPolicyTurnedOffIsNeverDue() {
        wiring.backupSchedules.setPolicy(database.id(), new BackupPolicy(BackupSchedule.WEEKLY, 3), clock.instant());
        wiring.backupSchedules.setPolicy(database.id(), null, clock.instant());

        assertThat(wiring.scheduleBackups().execute().taken()).isEmpty();
        assertThat(wiring.backupSchedules.policyOf(database.id())).isEmpty();
    }

    private ScheduleBackups.Outcome sweep(Wiring instance, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return instance.scheduleBackups().execute();
    }

    private int scheduledBackups() {
        return dsl.fetchCount(dsl.selectFrom("daap.backups").where("scheduled"));
    }

    /** As the backup job would leave it, without dumping (BackupsEndToEndTest covers that). */
    private void makeReady(Backup requested) {
        Backup current = wiring.backups.find(requested.id()).orElseThrow();
        wiring.backups.update(
                current.made(new Backup.Stored(10, "ab".repeat(32)), "17.6", List.of(), clock.instant()),
                current.version());
    }
}
