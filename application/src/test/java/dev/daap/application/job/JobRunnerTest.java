package dev.daap.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.backup.ChunkedAesGcm;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.RestoreDatabase;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.application.plan.Admission;
import dev.daap.application.plan.AdmissionSettings;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.error.AccessDeniedException;
import dev.daap.domain.error.DeletionProtectedException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.RestoreWindowExpiredException;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventType;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import dev.daap.domain.provisioning.ClusterUnreachableException;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.FakeBackupTools;
import dev.daap.testing.FakeProvisioner;
import dev.daap.testing.InMemoryAuditLog;
import dev.daap.testing.InMemoryBackupStore;
import dev.daap.testing.InMemoryBackups;
import dev.daap.testing.InMemoryCredentialVault;
import dev.daap.testing.InMemoryDatabaseUsers;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.InMemoryJobQueue;
import dev.daap.testing.InMemoryPlans;
import dev.daap.testing.InMemoryRevisions;
import dev.daap.testing.InMemorySnapshots;
import dev.daap.testing.InMemorySpending;
import dev.daap.testing.InMemoryTeams;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle a database goes through as its jobs run, over fakes of the ports. */
class JobRunnerTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
    private final InMemoryCredentialVault vault = new InMemoryCredentialVault();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final InMemoryTeams teams = new InMemoryTeams();
    private final InMemoryDatabases databases = new InMemoryDatabases(teams);
    private final InMemoryDatabaseUsers users = new InMemoryDatabaseUsers(jobs);
    private final TestFleet fleet = TestFleet.withDefault(databases::rows);
    private final FakeProvisioner provisioner = fleet.provisioner;
    private final ClusterTargets targets = new ClusterTargets(fleet.clusters, fleet.secrets, fleet.provisioner);
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final JobSettings settings = new JobSettings(
            3, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));
    private final UuidV7Generator ids = new UuidV7Generator(clock); // one generator: ids in creation order
    private final AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), new InMemoryRevisions(), ids, clock);
    private final DatabaseEvents databaseEvents = new DatabaseEvents(events, clock);
    private final InMemoryPlans plans = InMemoryPlans.withDefaultCatalog(databases::rows, clock.instant());
    private final CreateDatabase create = new CreateDatabase(
            transactions,
            databases,
            fleet.clusters,
            new InMemorySnapshots(),
            new InMemoryBackups(),
            new JobScheduler(jobs, settings, ids, clock),
            audit,
            databaseEvents,
            ids,
            clock,
            plans,
            new Admission(teams, plans, new InMemorySpending(databases::rows), AdmissionSettings.DEFAULTS, clock),
            null);
    private final DeleteDatabase delete = new DeleteDatabase(
            transactions, databases, new JobScheduler(jobs, settings, ids, clock), audit, databaseEvents, clock);
    private final RestoreDatabase restore = new RestoreDatabase(
            transactions,
            databases,
            new JobScheduler(jobs, settings, ids, clock),
            audit,
            databaseEvents,
            clock,
            plans,
            new Admission(teams, plans, new InMemorySpending(databases::rows), AdmissionSettings.DEFAULTS, clock));
    private final Caller caller = TestCallers.platformAdmin();

    @BeforeEach
    void aTeam() {
        teams.add(new Team(new TeamSlug("checkout"), "Checkout", clock.instant()));
    }

    private final GetDatabase get = new GetDatabase(databases);
    private final JobRunner runner = new JobRunner(
            transactions,
            jobs,
            Map.of(
                    JobKind.PROVISION,
                            new ProvisionDatabase(
                                    transactions,
                                    databases,
                                    jobs,
                                    events,
                                    vault,
                                    targets,
                                    new PasswordGenerator(),
                                    new InMemorySnapshots(),
                                    fleet.provisioner,
                                    new InMemoryBackups(),
                                    new BackupRestorer(
                                            new InMemoryBackups(),
                                            new InMemoryBackupStore(),
                                            new ChunkedAesGcm(new byte[32]),
                                            new FakeBackupTools(17),
                                            targets),
                                    users,
                                    ids,
                                    clock,
                                    plans),
                    JobKind.DEACTIVATE,
                            new DeactivateDatabase(
                                    transactions,
                                    databases,
                                    jobs,
                                    events,
                                    targets,
                                    new ClonesInFlight(new InMemorySnapshots(), databases),
                                    Duration.ofDays(7),
                                    clock),
                    JobKind.RESTORE,
                            new ReactivateDatabase(transactions, databases, jobs, events, targets, users, clock),
                    JobKind.PURGE,
                            new PurgeDatabase(
                                    transactions,
                                    databases,
                                    jobs,
                                    events,
                                    vault,
                                    users,
                                    targets,
                                    fleet.clusters,
                                    new SnapshotsOfDatabase(
                                            new InMemorySnapshots(),
                                            targets,
                                            fleet.provisioner,
                                            fleet.clusters,
                                            new SnapshotEvents(events),
                                            clock),
                                    new ClonesInFlight(new InMemorySnapshots(), databases),
                                    clock)),
            settings,
            new ClusterWaits(databases, fleet.clusters, settings),
            clock);

    @Test
    void aJobWhoseClusterIsDownWaitsWithoutUsingAttemptsAndGoesOnOnceTheClusterAnswers() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        Cluster cluster = fleet.cluster("default");
        ClusterHealth down = cluster.health();
        for (int probe = 0; probe < 3; probe++) {
            down = down.afterFailure("connection refused", clock.instant(), 3);
        }
        fleet.clusters.recordHealth(cluster.id(), down); // after the create: placement skips a cluster that is down

        for (int round = 1; round <= 5; round++) { // more rounds than the job has attempts
            assertThat(runner.runNext("worker")).as("round " + round).isTrue();
            Job waiting = jobs.find(created.latestOperationId()).orElseThrow();
            assertThat(waiting.state()).isEqualTo(JobState.SCHEDULED);
            assertThat(waiting.attempts()).as("waiting uses no attempt").isZero();
            assertThat(waiting.lastError())
                    .startsWith("cluster default is down: its last 3 probes got no answer (connection refused)")
                    .contains("waits for the cluster");
            assertThat(runner.runNext("worker"))
                    .as("not due before its wait is over")
                    .isFalse();
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(provisioner.calls())
                .as("a cluster that is down is not tried")
                .isEmpty();

        fleet.clusters.recordHealth(cluster.id(), down.afterReading(aReading(), clock.instant()));
        assertThat(jobs.wakeWaitingFor(cluster.id())).isEqualTo(1);

        assertThat(runner.runNext("worker")).isTrue();
        assertThat(get.execute(caller.principal(), created.id()).status()).isEqualTo(DatabaseStatus.READY);
        assertThat(jobs.find(created.latestOperationId()).orElseThrow().attempts())
                .isEqualTo(1);
    }

    @Test
    void aJobThatCannotReachItsClusterWaitsWithoutUsingAttemptsLongerTheLongerTheOutage() {
        provisioner.failWith(new ClusterUnreachableException("cannot reach the target cluster at db.test:5432"));
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        assertThat(runner.runNext("worker")).isTrue();
        Job first = jobs.find(created.latestOperationId()).orElseThrow();
        assertThat(first.attempts()).isZero();
        assertThat(first.lastError())
                .startsWith("cannot reach the target cluster at db.test:5432; the operation waits");
        assertThat(Duration.between(clock.instant(), first.runAt())).isLessThanOrEqualTo(settings.retryBase());

        Cluster cluster = fleet.cluster("default");
        ClusterHealth failing = cluster.health();
        for (int probe = 0; probe < 2; probe++) { // not down yet: the job still tries, and meets the same wall
            failing = failing.afterFailure("timeout", clock.instant(), 3);
        }
        fleet.clusters.recordHealth(cluster.id(), failing);
        clock.advance(Duration.ofSeconds(30));
        assertThat(runner.runNext("worker")).isTrue();
        Job second = jobs.find(created.latestOperationId()).orElseThrow();
        assertThat(second.attempts()).isZero();
        assertThat(Duration.between(clock.instant(), second.runAt()))
                .as("two failed probes: the wait after two failures")
                .isGreaterThanOrEqualTo(settings.retryBase());

        provisioner.recover();
        clock.advance(Duration.ofSeconds(30));
        assertThat(runner.runNext("worker")).isTrue();
        assertThat(get.execute(caller.principal(), created.id()).status()).isEqualTo(DatabaseStatus.READY);
    }

    private static ProbeReading aReading() {
        return new ProbeReading("17.6", 3, 100, List.of(), List.of(), Duration.ofMillis(5));
    }

    @Test
    void aProvisionedDatabaseIsReadyWithItsPasswordStored() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        assertThat(runner.runNext("worker")).isTrue();

        Database ready = get.execute(caller.principal(), created.id());
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(ready.connection().database()).isEqualTo("checkout_orders");
        assertThat(vault.read(created.id()))
                .contains(provisioner.calls().getFirst().password());
        assertThat(jobs.find(created.latestOperationId()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(runner.runNext("worker")).isFalse();
        assertThat(statusChanges())
                .containsExactly(List.of("pending", "provisioning"), List.of("provisioning", "ready"));
        assertThat(events.all()).allSatisfy(event -> {
            assertThat(event.resourceId()).isEqualTo(created.id().value());
            assertThat(event.team().value()).isEqualTo("checkout");
            assertThat(event.payload()).containsEntry("name", "orders").doesNotContainKeys("password", "connection");
        });
    }

    @Test
    void failuresAreRetriedWithBackoffThenTheDatabaseFailsWithTheReason() {
        provisioner.failWith(new ProvisioningException("the target cluster refused: permission denied"));
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(runner.runNext("worker")).as("attempt " + attempt).isTrue();
            Job job = jobs.find(created.latestOperationId()).orElseThrow();
            if (attempt < 3) {
                assertThat(job.state()).isEqualTo(JobState.SCHEDULED);
                assertThat(job.runAt()).isAfter(clock.instant());
                assertThat(runner.runNext("worker"))
                        .as("not due before its backoff")
                        .isFalse();
                clock.advance(Duration.ofSeconds(30));
            }
        }

        Database failed = get.execute(caller.principal(), created.id());
        assertThat(failed.status()).isEqualTo(DatabaseStatus.FAILED);
        assertThat(failed.failureReason()).contains("permission denied");
        Job job = jobs.find(created.latestOperationId()).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(job.lastError()).contains("permission denied");
        assertThat(statusChanges())
                .containsExactly(List.of("pending", "provisioning"), List.of("provisioning", "failed"));
        assertThat(events.all().getLast().payload().get("failure_reason"))
                .asString()
                .contains("permission denied");
    }

    @Test
    void deletingParksItOnTheTargetAndKeepsItRestorableWhileItsNameIsFreeAgain() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        runner.runNext("worker");
        String password = vault.read(created.id()).orElseThrow();

        delete.execute(caller, created.id(), VersionPrecondition.ANY, false);
        assertThat(runner.runNext("worker")).isTrue();

        Database deleted = get.execute(caller.principal(), created.id());
        assertThat(deleted.status()).isEqualTo(DatabaseStatus.DELETED);
        assertThat(deleted.restorableUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(provisioner.calls(FakeProvisioner.Action.DEACTIVATE)).hasSize(1);
        assertThat(provisioner.calls(FakeProvisioner.Action.DEPROVISION)).isEmpty();
        assertThat(vault.read(created.id())).contains(password);
        assertThat(create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Again", null))
                        .name()
                        .value())
                .isEqualTo("orders");
        assertThat(statusChanges()).endsWith(List.of("deleting", "deleted"));
    }

    @Test
    void aRestoreBringsItBackWithItsPasswordUnderItsNameOrAnotherWhenThatWasTaken() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        runner.runNext("worker");
        String password = vault.read(created.id()).orElseThrow();
        delete.execute(caller, created.id(), VersionPrecondition.ANY, false);
        runner.runNext("worker");
        Database other = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Took it", null));
        runner.runNext("worker");

        assertThatThrownBy(() -> restore.execute(caller, created.id(), Optional.empty()))
                .isInstanceOf(NameTakenException.class);
        Database restoring = restore.execute(caller, created.id(), Optional.of(new DatabaseName("orders-old")));
        assertThat(runner.runNext("worker")).isTrue();

        Database ready = get.execute(caller.principal(), created.id());
        assertThat(restoring.status()).isEqualTo(DatabaseStatus.RESTORING);
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(ready.name().value()).isEqualTo("orders-old");
        assertThat(ready.nameOnCluster()).isNotEqualTo(other.nameOnCluster());
        assertThat(ready.connection().username())
                .isEqualTo(ready.nameOnCluster().value());
        assertThat(vault.read(created.id())).contains(password);
        assertThat(provisioner.calls(FakeProvisioner.Action.REACTIVATE))
                .singleElement()
                .satisfies(call -> assertThat(call.name()).isEqualTo(ready.nameOnCluster()));
        assertThat(statusChanges()).endsWith(List.of("deleted", "restoring"), List.of("restoring", "ready"));
    }

    @Test
    void afterItsWindowADeletedDatabaseIsPurgedAndCannotBeRestored() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        runner.runNext("worker");
        delete.execute(caller, created.id(), VersionPrecondition.ANY, false);
        runner.runNext("worker");
        var sweep = new PurgeExpiredDatabases(
                transactions, databases, new JobScheduler(jobs, settings, ids, clock), audit, databaseEvents, clock);

        assertThat(sweep.execute()).as("within the window").isZero();
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThatThrownBy(() -> restore.execute(caller, created.id(), Optional.empty()))
                .isInstanceOf(RestoreWindowExpiredException.class);
        assertThat(sweep.execute()).isEqualTo(1);
        assertThat(sweep.execute()).as("once").isZero();
        assertThat(runner.runNext("worker")).isTrue();

        Database purged = get.execute(caller.principal(), created.id());
        assertThat(purged.status()).isEqualTo(DatabaseStatus.PURGED);
        assertThat(provisioner.calls(FakeProvisioner.Action.DEPROVISION))
                .singleElement()
                .satisfies(call -> assertThat(call.id()).isEqualTo(created.id()));
        assertThat(vault.read(created.id())).isEmpty();
        assertThat(statusChanges()).endsWith(List.of("deleted", "purging"), List.of("purging", "purged"));
    }

    @Test
    void anImmediatePurgeNeedsATeamAdminAndNoProtection() {
        Database created = create.execute(
                caller,
                CreateDatabaseCommand.of("orders", "checkout", "Orders", null).withDeletionProtection(true));
        runner.runNext("worker");

        assertThatThrownBy(() -> delete.execute(
                        TestCallers.of("checkout", Role.MEMBER), created.id(), VersionPrecondition.ANY, true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> delete.execute(
                        TestCallers.of("checkout", Role.ADMIN), created.id(), VersionPrecondition.ANY, true))
                .isInstanceOf(DeletionProtectedException.class);
        assertThatThrownBy(() -> delete.execute(caller, created.id(), VersionPrecondition.ANY, false))
                .isInstanceOf(DeletionProtectedException.class);
        assertThat(get.execute(caller.principal(), created.id()).status()).isEqualTo(DatabaseStatus.READY);
        assertThat(jobs.forDatabase(created.id(), 10)).hasSize(1);
    }

    @Test
    void aDeletionThatGivesUpMarksTheDatabaseFailedInAnEvent() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        runner.runNext("worker");
        delete.execute(caller, created.id(), VersionPrecondition.ANY, false);
        provisioner.failWith(new ProvisioningException("the target cluster is gone"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(runner.runNext("worker")).as("attempt " + attempt).isTrue();
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(get.execute(caller.principal(), created.id()).status()).isEqualTo(DatabaseStatus.FAILED);
        assertThat(statusChanges()).endsWith(List.of("deleting", "failed"));
    }

    @Test
    void aDatabaseWhoseProvisioningFailedCanBeDeleted() {
        provisioner.failWith(new ProvisioningException("a database named orders already exists on the target"));
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        for (int attempt = 1; attempt <= 3; attempt++) {
            runner.runNext("worker");
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(get.execute(caller.principal(), created.id()).status()).isEqualTo(DatabaseStatus.FAILED);
        provisioner.recover(); // the real provisioner leaves what is not ours alone: nothing left to refuse

        Database deleting = delete.execute(caller, created.id(), VersionPrecondition.ANY, false);
        assertThat(runner.runNext("worker")).isTrue();

        assertThat(deleting.status()).isEqualTo(DatabaseStatus.DELETING);
        assertThat(get.execute(caller.principal(), created.id()).status()).isEqualTo(DatabaseStatus.DELETED);
        assertThat(provisioner.calls(FakeProvisioner.Action.DEACTIVATE))
                .singleElement()
                .satisfies(call -> assertThat(call.id()).isEqualTo(created.id()));
        assertThat(statusChanges())
                .containsExactly(
                        List.of("pending", "provisioning"),
                        List.of("provisioning", "failed"),
                        List.of("deleting", "deleted"));
        assertThat(events.all())
                .filteredOn(event -> event.type() == EventType.DATABASE_DELETED)
                .singleElement()
                .satisfies(event -> assertThat(event.payload()).containsEntry("from", "failed"));
    }

    /** The from/to of each status_changed event, oldest first. */
    private List<List<Object>> statusChanges() {
        return events.all().stream()
                .filter(event -> event.type() == EventType.DATABASE_STATUS_CHANGED)
                .map(Event::payload)
                .map(payload -> List.of(payload.get("from"), payload.get("to")))
                .toList();
    }

    @Test
    void aDatabaseDeletedBeforeItWasProvisionedIsNeverCreated() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        clock.advance(Duration.ofMillis(5));
        delete.execute(caller, created.id(), VersionPrecondition.ANY, false);

        runner.runNext("worker"); // the provision job: cancelled, nothing to provision
        runner.runNext("worker"); // the deactivate job

        assertThat(provisioner.calls(FakeProvisioner.Action.PROVISION)).isEmpty();
        assertThat(jobs.forDatabase(created.id(), 10))
                .extracting(Job::state)
                .containsExactly(JobState.SUCCEEDED, JobState.CANCELLED);
    }
}
