package dev.daap.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventType;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.FakeProvisioner;
import dev.daap.testing.InMemoryAuditLog;
import dev.daap.testing.InMemoryCredentialVault;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.InMemoryJobQueue;
import dev.daap.testing.InMemorySnapshots;
import dev.daap.testing.InMemoryTeams;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), ids, clock);
    private final DatabaseEvents databaseEvents = new DatabaseEvents(events, clock);
    private final CreateDatabase create = new CreateDatabase(
            transactions,
            databases,
            fleet.clusters,
            new InMemorySnapshots(),
            new JobScheduler(jobs, settings, ids, clock),
            audit,
            databaseEvents,
            ids,
            clock);
    private final DeleteDatabase delete = new DeleteDatabase(
            transactions, databases, new JobScheduler(jobs, settings, ids, clock), audit, databaseEvents, clock);
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
                                    clock),
                    JobKind.DEPROVISION,
                            new DeprovisionDatabase(
                                    transactions,
                                    databases,
                                    jobs,
                                    events,
                                    vault,
                                    targets,
                                    fleet.clusters,
                                    new SnapshotsOfDatabase(
                                            new InMemorySnapshots(),
                                            targets,
                                            fleet.provisioner,
                                            fleet.clusters,
                                            new SnapshotEvents(events),
                                            clock),
                                    clock)),
            settings,
            clock);

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
    void deletingRemovesItFromTheTargetThenMarksItDeleted() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        runner.runNext("worker");

        delete.execute(caller, created.id(), VersionPrecondition.ANY);
        assertThat(runner.runNext("worker")).isTrue();

        assertThatThrownBy(() -> get.execute(caller.principal(), created.id()))
                .isInstanceOf(DatabaseNotFoundException.class);
        assertThat(provisioner.calls(FakeProvisioner.Action.DEPROVISION)).hasSize(1);
        assertThat(vault.read(created.id())).isEmpty();
        assertThat(create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Again", null))
                        .name()
                        .value())
                .isEqualTo("orders");
        assertThat(statusChanges()).endsWith(List.of("deleting", "deleted"));
    }

    @Test
    void aDeletionThatGivesUpMarksTheDatabaseFailedInAnEvent() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        runner.runNext("worker");
        delete.execute(caller, created.id(), VersionPrecondition.ANY);
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

        Database deleting = delete.execute(caller, created.id(), VersionPrecondition.ANY);
        assertThat(runner.runNext("worker")).isTrue();

        assertThat(deleting.status()).isEqualTo(DatabaseStatus.DELETING);
        assertThatThrownBy(() -> get.execute(caller.principal(), created.id()))
                .isInstanceOf(DatabaseNotFoundException.class);
        assertThat(provisioner.calls(FakeProvisioner.Action.DEPROVISION))
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
        delete.execute(caller, created.id(), VersionPrecondition.ANY);

        runner.runNext("worker"); // the provision job: cancelled, nothing to provision
        runner.runNext("worker"); // the deprovision job

        assertThat(provisioner.calls(FakeProvisioner.Action.PROVISION)).isEmpty();
        assertThat(jobs.forDatabase(created.id(), 10))
                .extracting(Job::state)
                .containsExactly(JobState.SUCCEEDED, JobState.CANCELLED);
    }
}
