package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.database.Database;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restore drills DAAP runs by itself, on real PostgreSQL with a clock the test moves: two instances asking at
 * once queue one round, a round takes the sample's size, and the next round (an interval later) starts with the
 * backups never drilled.
 */
class RestoreDrillScheduleTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();
    private DSLContext dsl;
    private DaapConfig config;
    private TestClock clock;
    private Wiring wiring;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("drills"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        config = DaapConfig.fromEnvironment(
                Map.of("DAAP_RESTORE_DRILL_INTERVAL", "1d", "DAAP_RESTORE_DRILL_SAMPLE", "2"));
        clock = TestClock.at(Instant.parse("2026-12-04T10:00:00Z"));
        wiring = wiring();
        TestClusters.registerDefault(wiring, postgres);
    }

    private Wiring wiring() {
        return new Wiring(dsl, config, new CredentialCipher(new byte[32]), new PostgresProvisioners(), clock);
    }

    @Test
    void twoInstancesQueueOneRoundOfTheSamplesSizeAndTheNextStartsWithTheNeverDrilled() throws Exception {
        List<Backup> backups = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            backups.add(readyBackupOf(database("drilled-" + i)));
        }
        Wiring other = wiring();
        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> round(wiring, start));
        var second = CompletableFuture.supplyAsync(() -> round(other, start));
        start.countDown();

        List<Backup> drilled = new ArrayList<>(first.get());
        drilled.addAll(second.get());

        assertThat(drilled).hasSize(2);
        assertThat(first.get().isEmpty() || second.get().isEmpty())
                .as("one instance ran the round")
                .isTrue();
        assertThat(drillJobs()).isEqualTo(2);
        assertThat(wiring.scheduleRestoreDrills().execute())
                .as("within the interval")
                .isEmpty();

        for (Backup backup : drilled) { // their drills passed
            Backup pending = wiring.backups.find(backup.id()).orElseThrow();
            wiring.backups.update(pending.drilled(true, "ok", clock.instant()), pending.version());
        }
        clock.advance(Duration.ofDays(1));

        List<Backup> next = wiring.scheduleRestoreDrills().execute();
        Backup neverDrilled = backups.stream()
                .filter(backup -> drilled.stream().noneMatch(d -> d.id().equals(backup.id())))
                .findFirst()
                .orElseThrow();
        assertThat(next).hasSize(2).first().extracting(Backup::id).isEqualTo(neverDrilled.id());
        assertThat(drillJobs()).isEqualTo(4);
    }

    private List<Backup> round(Wiring instance, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return instance.scheduleRestoreDrills().execute();
    }

    private int drillJobs() {
        return dsl.fetchCount(dsl.selectFrom("daap.jobs").where("kind = 'backup_drill'"));
    }

    private Database database(String name) {
        return wiring.createDatabase().execute(ADMIN, CreateDatabaseCommand.of(name, "platform", "drilled", null));
    }

    private Backup readyBackupOf(Database database) {
        Backup requested = Backup.requested(
                new BackupId(UUID.randomUUID()),
                database.id(),
                database.ownerTeam(),
                database.cluster(),
                UUID.randomUUID(),
                clock.instant());
        wiring.backups.add(requested);
        Backup ready = requested.made(new Backup.Stored(10, "ab".repeat(32)), "17.6", List.of(), clock.instant());
        wiring.backups.update(ready, requested.version());
        return ready;
    }
}
