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
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.user.AccessLevel;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserId;
import dev.daap.domain.user.UserName;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link DatabaseUsers} port keeps; the in-memory fake and the PostgreSQL
 * adapter both extend this class. Each test works on a database of its own.
 */
public abstract class DatabaseUsersContract {
    private static final Instant T0 = Instant.parse("2026-12-03T17:00:00.123456Z");
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug("team-" + run);
    private final ClusterRef cluster = new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName("cl-" + run));

    protected abstract DatabaseUsers users();

    /** The job queue the store reads the jobs' states from. */
    protected abstract JobQueue jobs();

    /** Stores the database a user belongs to, where the store checks references. */
    protected void databaseExists(Database database) {}

    /** Runs {@code work} in its own (nested) transaction, so a refused statement leaves the test's usable. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void aStoredUserIsFoundByNameAndOperationAndListedByName() {
        Database database = database("found");
        DatabaseUser reporting = user(database, "reporting", AccessLevel.READ_ONLY);
        DatabaseUser app = user(database, "app", AccessLevel.READ_WRITE);
        users().add(reporting);
        users().add(app);

        assertThat(users().find(database.id(), new UserName("reporting"))).contains(reporting);
        assertThat(users().findByOperation(reporting.operationId())).contains(reporting);
        assertThat(users().lock(app.id())).contains(app);
        assertThat(users().liveOf(database.id())).containsExactly(app, reporting);
        assertThat(users().find(database.id(), new UserName("nobody"))).isEmpty();
    }

    @Test
    void aNameIsTakenOnlyByALiveUserOfTheSameDatabase() {
        Database database = database("names");
        Database other = database("other");
        DatabaseUser first = user(database, "reporting", AccessLevel.READ_ONLY);
        users().add(first);
        users().add(user(other, "reporting", AccessLevel.READ_ONLY));

        assertThatThrownBy(() -> inTransaction(() -> users().add(user(database, "reporting", AccessLevel.OWNER))))
                .isInstanceOf(NameTakenException.class);

        DatabaseUser deleting = first.ready(T0).deleting(UUID.randomUUID(), T0);
        users().update(first.ready(T0), first.version());
        users().update(deleting, first.version() + 1);
        users().update(deleting.deleted(T0), deleting.version());
        DatabaseUser again = user(database, "reporting", AccessLevel.OWNER);
        users().add(again);
        assertThat(users().liveOf(database.id())).containsExactly(again);
    }

    @Test
    void anUpdateAgainstAStaleVersionIsRefused() {
        Database database = database("stale");
        DatabaseUser user = user(database, "app", AccessLevel.OWNER);
        users().add(user);
        users().update(user.ready(T0), user.version());

        assertThatThrownBy(() -> inTransaction(() -> users().update(user.ready(T0.plusSeconds(1)), user.version())))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void passwordsAreKeptPerLoginAndForgotten() {
        Database database = database("secrets");
        DatabaseUser user = user(database, "app", AccessLevel.OWNER);
        users().add(user);
        users().storePassword(user.id(), LoginSlot.A, "first");
        users().storePassword(user.id(), LoginSlot.B, "second");
        users().storePassword(user.id(), LoginSlot.A, "third");

        assertThat(users().readPassword(user.id(), LoginSlot.A)).contains("third");
        assertThat(users().readPassword(user.id(), LoginSlot.B)).contains("second");
        users().forgetPasswords(database.id());
        assertThat(users().readPassword(user.id(), LoginSlot.A)).isEmpty();
        assertThat(users().readPassword(user.id(), LoginSlot.B)).isEmpty();
    }

    @Test
    void aPreviousLoginIsDueToEndOnceItsWindowPassedAndItsUserHasNoJobToRun() {
        Database database = database("due");
        DatabaseUser user = user(database, "app", AccessLevel.OWNER).ready(T0);
        users().add(user);
        DatabaseUser rotated = user.rotated(T0, Duration.ofMinutes(10));
        users().update(rotated, user.version());

        assertThat(users().lockDueToEndPrevious(T0.plusSeconds(599), 10)).isEmpty();
        assertThat(users().lockDueToEndPrevious(T0.plusSeconds(600), 10))
                .extracting(DatabaseUser::id)
                .contains(user.id());

        Job end = Job.schedule(UUID.randomUUID(), JobKind.USER_END_PREVIOUS, database.id(), 3, T0);
        jobs().enqueue(end);
        users().update(rotated.endingPrevious(end.id(), T0.plusSeconds(600)), rotated.version());
        assertThat(users().lockDueToEndPrevious(T0.plusSeconds(601), 10))
                .as("its end is queued already")
                .extracting(DatabaseUser::id)
                .doesNotContain(user.id());
    }

    private DatabaseUser user(Database database, String name, AccessLevel access) {
        return DatabaseUser.create(
                new UserId(UUID.randomUUID()), database.id(), new UserName(name), access, false, UUID.randomUUID(), T0);
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
