package dev.daap.testing;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link Snapshots} port keeps; the in-memory fake and the PostgreSQL adapter
 * both extend this class. Each test works on a database of its own.
 */
public abstract class SnapshotsContract {
    private static final Instant T0 = Instant.parse("2026-12-03T14:00:00.123456Z");
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug("team-" + run);
    private final ClusterRef cluster = new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName("cl-" + run));

    protected abstract Snapshots snapshots();

    /** Stores the database a snapshot belongs to, with its team and cluster, where the store checks references. */
    protected void databaseExists(Database database) {}

    /** Runs {@code work} in its own (nested) transaction. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void aStoredSnapshotIsFoundByIdAndByItsOperationAsItWasStored() {
        Database database = database("found");
        Snapshot snapshot = requested(database, T0);
        snapshots().add(snapshot);

        assertThat(snapshots().find(snapshot.id())).contains(snapshot);
        assertThat(snapshots().findByOperation(snapshot.operationId())).contains(snapshot);
        assertThat(snapshots().find(new SnapshotId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void theLiveSnapshotsOfADatabaseComeNewestFirstWithoutDeletedOnesOrOtherDatabases() {
        Database database = database("live");
        Database other = database("other");
        Snapshot older = requested(database, T0);
        Snapshot newer = requested(database, T0.plusSeconds(1));
        Snapshot gone = requested(database, T0.plusSeconds(2));
        snapshots().add(older);
        snapshots().add(newer);
        snapshots().add(gone);
        snapshots().add(requested(other, T0));
        Snapshot made = gone.made(1, Duration.ZERO, T0.plusSeconds(3));
        snapshots().update(made, gone.version());
        Snapshot deleting = made.startDeleting(UUID.randomUUID(), T0.plusSeconds(3));
        snapshots().update(deleting, made.version());
        snapshots().update(deleting.deleted(T0.plusSeconds(4)), deleting.version());

        assertThat(snapshots().liveOf(database.id())).containsExactly(newer, older);
        assertThat(snapshots().find(gone.id()).orElseThrow().status()).isEqualTo(SnapshotStatus.DELETED);
    }

    @Test
    void anUpdateAgainstAnOldVersionIsRefusedAndChangesNothing() {
        Database database = database("version");
        Snapshot snapshot = requested(database, T0);
        snapshots().add(snapshot);
        Snapshot made = snapshot.made(4_096, Duration.ofMillis(120), T0.plusSeconds(1));
        snapshots().update(made, snapshot.version());

        inTransaction(() -> assertThatThrownBy(
                        () -> snapshots().update(snapshot.failed("late", T0.plusSeconds(2)), snapshot.version()))
                .isInstanceOf(ConcurrentChangeException.class));
        assertThat(snapshots().find(snapshot.id())).contains(made);
        assertThat(made.unavailable()).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aCloneRemembersItsSourceDatabaseAndSnapshot() {
        Database source = database("source");
        Database fromDatabase = database("clone-a");
        Database fromSnapshot = database("clone-b");
        Snapshot snapshot = requested(source, T0);
        snapshots().add(snapshot);

        snapshots().recordCloneSource(fromDatabase.id(), new CloneSource(source.id(), Optional.empty()));
        snapshots().recordCloneSource(fromSnapshot.id(), new CloneSource(source.id(), Optional.of(snapshot.id())));

        assertThat(snapshots().cloneSourceOf(fromDatabase.id()))
                .contains(new CloneSource(source.id(), Optional.empty()));
        assertThat(snapshots().cloneSourceOf(fromSnapshot.id()))
                .contains(new CloneSource(source.id(), Optional.of(snapshot.id())));
        assertThat(snapshots().cloneSourceOf(source.id())).isEmpty();
        assertThat(snapshots().clonesOf(source.id())).containsExactlyInAnyOrder(fromDatabase.id(), fromSnapshot.id());
        assertThat(snapshots().clonesOf(fromDatabase.id())).isEmpty();
    }

    private Snapshot requested(Database database, Instant at) {
        return Snapshot.requested(
                new SnapshotId(UUID.randomUUID()),
                database.id(),
                team,
                cluster,
                "before " + at,
                null,
                UUID.randomUUID(),
                at);
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
