package dev.daap.testing;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupQuery;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.backup.TableCount;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link Backups} port keeps; the in-memory fake and the PostgreSQL adapter
 * both extend this class. Each test works on databases of its own.
 */
public abstract class BackupsContract {
    private static final Instant T0 = Instant.parse("2026-12-03T16:00:00.123456Z");
    private static final String DIGEST = "ab".repeat(32);
    private static final List<TableCount> TABLES = List.of(
            new TableCount("public.orders", 12_345_678_901L, "-4611686018427387904"),
            new TableCount("sales.\"Mixed Case\"", 0, "0"));
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug("team-" + run);
    private final ClusterRef cluster = new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName("cl-" + run));

    protected abstract Backups backups();

    /** Stores the database a backup belongs to, with its team and cluster, where the store checks references. */
    protected void databaseExists(Database database) {}

    /** Runs {@code work} in its own (nested) transaction. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void aStoredBackupIsFoundByIdAndByItsOperationAsItWasStored() {
        Backup backup = requested(database("found"), T0);
        backups().add(backup);

        assertThat(backups().find(backup.id())).contains(backup);
        assertThat(backups().findByOperation(backup.operationId())).contains(backup);
        assertThat(backups().find(new BackupId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aMadeBackupKeepsItsSizeDigestVersionAndTimes() {
        Backup backup = requested(database("made"), T0);
        backups().add(backup);
        Backup made = backup.made(new Backup.Stored(123_456_789_012L, DIGEST), "15.14", TABLES, T0.plusSeconds(5));
        backups().update(made, backup.version());

        Backup read = backups().find(backup.id()).orElseThrow();
        assertThat(read).isEqualTo(made);
        assertThat(read.sizeBytes()).isEqualTo(123_456_789_012L);
        assertThat(read.sha256()).isEqualTo(DIGEST);
        assertThat(read.finishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(read.tables()).isEqualTo(TABLES);
    }

    @Test
    void theLiveBackupsOfADatabaseComeNewestFirstWithoutDeletedOnesOrOtherDatabases() {
        Database database = database("live");
        Backup older = requested(database, T0);
        Backup newer = requested(database, T0.plusSeconds(1));
        Backup gone = requested(database, T0.plusSeconds(2));
        backups().add(older);
        backups().add(newer);
        backups().add(gone);
        backups().add(requested(database("other"), T0));
        Backup failed = gone.failed("no tools", T0.plusSeconds(3));
        backups().update(failed, gone.version());
        Backup deleting = failed.startDeleting(UUID.randomUUID(), T0.plusSeconds(3));
        backups().update(deleting, failed.version());
        backups().update(deleting.deleted(T0.plusSeconds(4)), deleting.version());

        assertThat(backups().liveOf(database.id())).containsExactly(newer, older);
        assertThat(backups().find(gone.id()).orElseThrow().status()).isEqualTo(BackupStatus.DELETED);
    }

    @Test
    void pagesFollowNewestFirstAndATokenBelongsToItsDatabase() {
        Database database = database("pages");
        List<Backup> taken = new java.util.ArrayList<>();
        for (int second = 0; second < 5; second++) {
            Backup backup = requested(database, T0.plusSeconds(second));
            backups().add(backup);
            taken.addFirst(backup);
        }
        Backup sameSecond = requested(database, T0.plusSeconds(2));
        backups().add(sameSecond);

        var first = backups().page(BackupQuery.first(database.id(), 4));
        var rest = backups()
                .page(new BackupQuery(
                        database.id(),
                        4,
                        Optional.of(BackupQuery.positionOf(first.next().orElseThrow(), database.id()))));

        List<Backup> all = new java.util.ArrayList<>(first.items());
        all.addAll(rest.items());
        assertThat(all).hasSize(6).doesNotHaveDuplicates().containsAll(taken).contains(sameSecond);
        assertThat(all.stream().map(Backup::createdAt).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rest.next()).isEmpty();
        assertThatThrownBy(() -> BackupQuery.positionOf(
                        first.next().orElseThrow(), database("other-pages").id()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUpdateAgainstAnOldVersionIsRefusedAndChangesNothing() {
        Backup backup = requested(database("version"), T0);
        backups().add(backup);
        Backup made = backup.made(new Backup.Stored(4_096, DIGEST), "15.14", TABLES, T0.plusSeconds(1));
        backups().update(made, backup.version());

        inTransaction(() -> assertThatThrownBy(
                        () -> backups().update(backup.failed("late", T0.plusSeconds(2)), backup.version()))
                .isInstanceOf(ConcurrentChangeException.class));
        assertThat(backups().find(backup.id())).contains(made);
    }

    @Test
    void aRestoredDatabaseRemembersItsBackup() {
        Database source = database("source");
        Backup backup = requested(source, T0);
        backups().add(backup);
        Database restored = database("restored");

        backups().recordRestoreSource(restored.id(), backup.id());

        assertThat(backups().restoreSourceOf(restored.id())).contains(backup.id());
        assertThat(backups().restoreSourceOf(source.id())).isEmpty();
    }

    @Test
    void theDrillSampleTakesEachDatabasesNewestReadyBackupNeverOrLongestAgoDrilledFirst() {
        Backup older = ready(requested(database("sampled"), T0));
        Backup newest = ready(Backup.requested(
                new BackupId(UUID.randomUUID()),
                older.databaseId(),
                team,
                cluster,
                UUID.randomUUID(),
                T0.plusSeconds(1)));
        Backup drilled = ready(requested(database("drilled"), T0));
        Backup passed = drilled.drilling(UUID.randomUUID(), T0.plusSeconds(5)).drilled(true, "ok", T0.plusSeconds(6));
        backups().update(passed, drilled.version());
        Backup pending = ready(requested(database("pending"), T0));
        backups().update(pending.drilling(UUID.randomUUID(), T0.plusSeconds(5)), pending.version());
        backups().add(requested(database("creating"), T0));

        List<Backup> sample = backups().lockSampleForDrills(100_000).stream()
                .filter(backup -> backup.ownerTeam().equals(team))
                .toList();

        assertThat(sample).extracting(Backup::id).containsExactly(newest.id(), passed.id());
        assertThat(backups().lockSampleForDrills(1)).hasSizeLessThanOrEqualTo(1);
    }

    private Backup ready(Backup requested) {
        backups().add(requested);
        Backup made = requested.made(new Backup.Stored(1, DIGEST), "15.14", TABLES, requested.createdAt());
        backups().update(made, requested.version());
        return made;
    }

    private Backup requested(Database database, Instant at) {
        return Backup.requested(new BackupId(UUID.randomUUID()), database.id(), team, cluster, UUID.randomUUID(), at);
    }

    private Database database(String prefix) {
        String name = prefix + "-" + run;
        Database database = aDatabase()
                .withId(new DatabaseId(UUID.randomUUID()))
                .named(name)
                .ownedBy(team)
                .build()
                .placedOn(cluster, new NameOnCluster(name.replace('-', '_')));
        databaseExists(database);
        return database;
    }
}
