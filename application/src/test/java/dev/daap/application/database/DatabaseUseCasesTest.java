package dev.daap.application.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.job.JobSettings;
import dev.daap.application.plan.Admission;
import dev.daap.application.plan.AdmissionSettings;
import dev.daap.application.plan.StorageLimits;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.error.AccessDeniedException;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.VersionMismatchException;
import dev.daap.domain.event.EventType;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryAuditLog;
import dev.daap.testing.InMemoryBackups;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.InMemoryJobQueue;
import dev.daap.testing.InMemoryPlans;
import dev.daap.testing.InMemoryRevisions;
import dev.daap.testing.InMemorySnapshots;
import dev.daap.testing.InMemorySpending;
import dev.daap.testing.InMemoryTeams;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestFleet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The use cases over the in-memory fake of the Databases port (which the contract test holds to the real one). */
class DatabaseUseCasesTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final CountingTransactions transactions = new CountingTransactions();
    private final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
    private final UuidV7Generator ids = new UuidV7Generator(clock);
    private final InMemoryTeams teams = new InMemoryTeams();
    private final InMemoryDatabases stored = new InMemoryDatabases(teams);
    private final InterleavingDatabases databases = new InterleavingDatabases(stored);
    private final TestFleet fleet = TestFleet.withDefault(stored::rows);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryRevisions revisions = new InMemoryRevisions();
    private final AuditTrail audit = new AuditTrail(auditLog, revisions, ids, clock);
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final DatabaseEvents databaseEvents = new DatabaseEvents(events, clock);
    private final InMemoryPlans plans = InMemoryPlans.withDefaultCatalog(stored::rows, clock.instant());
    private final Admission admission =
            new Admission(teams, plans, new InMemorySpending(stored::rows), AdmissionSettings.DEFAULTS, clock);
    private final CreateDatabase create = new CreateDatabase(
            transactions,
            databases,
            fleet.clusters,
            new InMemorySnapshots(),
            new InMemoryBackups(),
            new JobScheduler(jobs, JobSettings.DEFAULTS, ids, clock),
            audit,
            databaseEvents,
            ids,
            clock,
            plans,
            admission,
            null);
    private final GetDatabase get = new GetDatabase(databases);
    private final UpdateDatabase update = new UpdateDatabase(
            transactions,
            databases,
            teams,
            new JobScheduler(jobs, JobSettings.DEFAULTS, ids, clock),
            audit,
            databaseEvents,
            clock,
            plans,
            admission,
            new StorageLimits(
                    (cluster, measured) -> List.of(),
                    databases,
                    databaseEvents,
                    audit,
                    jobs,
                    ids,
                    JobSettings.DEFAULTS.maxAttempts(),
                    clock));
    private final DeleteDatabase delete = new DeleteDatabase(
            transactions,
            databases,
            new JobScheduler(jobs, JobSettings.DEFAULTS, ids, clock),
            audit,
            databaseEvents,
            clock);
    private final ListDatabases list = new ListDatabases(databases);
    private final Principal admin = new Principal(UUID.randomUUID(), null, Role.PLATFORM_ADMIN);
    private final Caller caller = new Caller(admin, "req-1", "127.0.0.1");

    @BeforeEach
    void teams() {
        for (String slug : List.of("checkout", "other", "abc", "abc-def")) {
            teams.add(new Team(new TeamSlug(slug), slug, clock.instant()));
        }
    }

    @Test
    void createStoresAPendingDatabaseAndItsProvisionJobInOneTransaction() {
        Database created =
                create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", Map.of("env", "prod")));

        assertThat(created.status()).isEqualTo(DatabaseStatus.PENDING);
        assertThat(created.id().value().version()).isEqualTo(7);
        assertThat(get.execute(admin, created.id())).isEqualTo(created);
        assertThat(transactions.opened).isEqualTo(1);
        Job provision = jobs.find(created.latestOperationId()).orElseThrow();
        assertThat(provision.kind()).isEqualTo(JobKind.PROVISION);
        assertThat(provision.databaseId()).isEqualTo(created.id());
        assertThat(provision.state()).isEqualTo(JobState.SCHEDULED);
        var entry = auditLog.list(AuditQuery.all(10)).items().getFirst();
        assertThat(entry.action()).isEqualTo("database.create");
        assertThat(entry.actorKeyId()).isEqualTo(admin.keyId());
        assertThat(entry.requestId()).isEqualTo("req-1");
        assertThat(events.all()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.DATABASE_CREATED);
            assertThat(event.resourceId()).isEqualTo(created.id().value());
        });
    }

    @Test
    void aTeamKeyCreatesForItsOwnTeamOnly() {
        var member = new Caller(new Principal(UUID.randomUUID(), new TeamSlug("checkout"), Role.MEMBER), "r", "");

        assertThat(create.execute(member, CreateDatabaseCommand.of("orders", null, "Orders", null))
                        .ownerTeam())
                .isEqualTo(new TeamSlug("checkout"));
        var error = catchThrowableOfType(
                InvalidInputException.class,
                () -> create.execute(member, CreateDatabaseCommand.of("refunds", "other", "Refunds", null)));
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("owner_team");
        assertThatThrownBy(() -> create.execute(caller, CreateDatabaseCommand.of("refunds", "nobody", "R", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no team is named nobody");
        assertThatThrownBy(() -> create.execute(caller, CreateDatabaseCommand.of("refunds", null, "R", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("platform admin");
    }

    @Test
    void anotherTeamsDatabaseIsNotFoundAndOnlyAPlatformAdminMovesOne() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        var otherAdmin = new Caller(new Principal(UUID.randomUUID(), new TeamSlug("other"), Role.ADMIN), "r", "");
        var checkoutAdmin = new Caller(new Principal(UUID.randomUUID(), new TeamSlug("checkout"), Role.ADMIN), "r", "");
        var move = new UpdateDatabaseCommand(created.id(), null, null, Optional.of(new TeamSlug("other")), null);

        assertThatThrownBy(() -> get.execute(otherAdmin.principal(), created.id()))
                .isInstanceOf(DatabaseNotFoundException.class);
        assertThatThrownBy(() -> update.execute(checkoutAdmin, move)).isInstanceOf(AccessDeniedException.class);
        assertThat(update.execute(caller, move).ownerTeam()).isEqualTo(new TeamSlug("other"));
    }

    @Test
    void aCommandReportsEveryBadFieldAtOnce() {
        var error = catchThrowableOfType(
                InvalidInputException.class, () -> CreateDatabaseCommand.of("X", "Bad Team", " ", Map.of("BAD", "v")));

        assertThat(error.errors())
                .extracting(FieldError::field)
                .containsExactly("name", "owner_team", "purpose", "labels");
    }

    @Test
    void aDuplicateNameInTheSameTeamIsRefused() {
        create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        assertThatThrownBy(() -> create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Again", null)))
                .isInstanceOf(NameTakenException.class)
                .hasMessageContaining("checkout");
        // That the refused create's place is given back is its transaction's rollback: the fakes have none, so
        // PlacementRaceTest checks it on PostgreSQL.
    }

    @Test
    void twoTeamsMayHaveTheSameNameWithDistinctNamesOnTheCluster() {
        Database checkout = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        Database other = create.execute(caller, CreateDatabaseCommand.of("orders", "other", "Orders too", null));

        assertThat(checkout.nameOnCluster().value()).isEqualTo("checkout_orders");
        assertThat(other.nameOnCluster().value()).isEqualTo("other_orders");
        assertThat(List.of(checkout.cluster(), other.cluster()))
                .containsOnly(fleet.cluster("default").ref());
        assertThat(fleet.cluster("default").fill().databaseCount()).isEqualTo(2);
    }

    @Test
    void namesThatMeetOnTheClusterGetADistinctFormAndOnAnotherClusterThePlainOne() {
        Database first = create.execute(caller, CreateDatabaseCommand.of("ghi", "abc-def", "first", null));
        Database second = create.execute(caller, CreateDatabaseCommand.of("def-ghi", "abc", "second", null));
        fleet.register("other-cluster", dev.daap.domain.cluster.ClusterSettings.DEFAULTS);
        Database elsewhere = create.execute(
                caller,
                CreateDatabaseCommand.of(
                        "ghi-jkl",
                        "abc-def",
                        "elsewhere",
                        null,
                        new CreateDatabaseCommand.Placement(null, null, "other-cluster")));
        Database third = create.execute(
                caller,
                CreateDatabaseCommand.of(
                        "def-ghi-jkl",
                        "abc",
                        "same as elsewhere",
                        null,
                        new CreateDatabaseCommand.Placement(null, null, "default")));

        assertThat(first.nameOnCluster().value()).isEqualTo("abc_def_ghi");
        assertThat(second.nameOnCluster().value())
                .startsWith("abc_def_ghi_")
                .hasSize("abc_def_ghi_".length() + 8)
                .endsWith(second.id().toString().substring(28));
        assertThat(elsewhere.nameOnCluster().value()).isEqualTo("abc_def_ghi_jkl");
        assertThat(third.nameOnCluster().value())
                .as("abc_def_ghi_jkl is taken on other-cluster, not on default")
                .isEqualTo("abc_def_ghi_jkl");
    }

    @Test
    void updateChecksTheExpectedVersionAndBumpsIt() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        var stale = catchThrowableOfType(
                VersionMismatchException.class, () -> update.execute(caller, purpose(created, "x", versions(7, 8))));
        assertThat(stale.currentVersion()).hasValue(1);
        Database changed = update.execute(caller, purpose(created, "Orders and refunds", versions(7, 1)));

        assertThat(changed.version()).isEqualTo(2);
        assertThat(get.execute(admin, created.id()).purpose().value()).isEqualTo("Orders and refunds");
    }

    @Test
    void updateMergesTheLabelPatchIntoTheLabelsItReadsInOneTransaction() {
        Database created = create.execute(
                caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", Map.of("env", "dev", "tier", "gold")));
        int before = transactions.opened;
        databases.calls.clear();
        var patch = new HashMap<String, String>();
        patch.put("env", "prod");
        patch.put("tier", null);
        patch.put("team", "core");

        Database changed = update.execute(
                caller, new UpdateDatabaseCommand(created.id(), null, Optional.of(LabelPatch.of(patch)), null, null));

        assertThat(transactions.opened - before).isEqualTo(1);
        assertThat(databases.calls).containsExactly("find in a transaction", "update in a transaction");
        assertThat(changed.labels().values()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "core"));
        assertThat(get.execute(admin, created.id()).labels()).isEqualTo(changed.labels());
    }

    @Test
    void mergedLabelsBeyondTheLimitAreAnInputErrorOnLabelsAndWriteNothing() {
        Map<String, String> full = new HashMap<>();
        for (int i = 0; i < Labels.MAX_ENTRIES; i++) {
            full.put("key-" + i, "v");
        }
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", full));
        var oneMore = Optional.of(LabelPatch.of(Map.of("one-more", "v")));

        var error = catchThrowableOfType(
                InvalidInputException.class,
                () -> update.execute(caller, new UpdateDatabaseCommand(created.id(), null, oneMore, null, null)));

        assertThat(error.errors()).extracting(FieldError::field).containsExactly("labels");
        assertThat(get.execute(admin, created.id())).isEqualTo(created);
    }

    @Test
    void anEmptyChangeWritesNothingButStillChecksThePrecondition() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        Database same = update.execute(caller, new UpdateDatabaseCommand(created.id(), null, null, null, null));

        assertThat(same).isEqualTo(created);
        assertThatThrownBy(() ->
                        update.execute(caller, new UpdateDatabaseCommand(created.id(), null, null, null, versions(2))))
                .isInstanceOf(VersionMismatchException.class);
    }

    @Test
    void aChangeCommittedBetweenTheReadAndTheWriteIsRetriedUnlessTheClientNamedAVersion() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        int before = transactions.opened;

        databases.changeBeforeTheNextWrites(1);
        Database changed = update.execute(caller, purpose(created, "mine", VersionPrecondition.ANY));

        assertThat(transactions.opened - before)
                .as("no version named: the lost race is run again, in a new transaction")
                .isEqualTo(2);
        assertThat(changed.purpose().value()).isEqualTo("mine");
        assertThat(changed.version())
                .as("written over the change made meanwhile")
                .isEqualTo(created.version() + 2);

        databases.changeBeforeTheNextWrites(3);
        assertThatThrownBy(() -> update.execute(caller, purpose(changed, "again", VersionPrecondition.ANY)))
                .as("a race lost on every attempt ends in the conflict")
                .isInstanceOf(ConcurrentChangeException.class);
        Database now = get.execute(admin, created.id());
        databases.changeBeforeTheNextWrites(1);
        assertThatThrownBy(() -> update.execute(caller, purpose(now, "mine", versions(now.version()))))
                .as("the version the client named is gone: its precondition failed")
                .isInstanceOf(VersionMismatchException.class);
        assertThat(get.execute(admin, created.id()).purpose().value()).isEqualTo("changed meanwhile");
    }

    @Test
    void deleteStartsDeletingWithADeactivateJobAndAskingTwiceIsHarmless() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));
        int before = transactions.opened;

        Database deleting = delete.execute(caller, created.id(), VersionPrecondition.ANY, false);
        Database again = delete.execute(caller, created.id(), versions(deleting.version()), false);

        assertThat(transactions.opened - before).isEqualTo(2);
        assertThat(deleting.status()).isEqualTo(DatabaseStatus.DELETING);
        assertThat(again).isEqualTo(deleting);
        assertThat(jobs.forDatabase(created.id(), 10))
                .extracting(Job::kind)
                .containsExactlyInAnyOrder(JobKind.DEACTIVATE, JobKind.PROVISION);
        assertThatThrownBy(() -> create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Again", null)))
                .as("the name stays taken until the database is gone")
                .isInstanceOf(NameTakenException.class);
    }

    @Test
    void deleteChecksThePreconditionAgainstWhatItReadsAndWritesAgainstIt() {
        Database created = create.execute(caller, CreateDatabaseCommand.of("orders", "checkout", "Orders", null));

        assertThatThrownBy(() -> delete.execute(caller, created.id(), versions(2), false))
                .isInstanceOf(VersionMismatchException.class);
        databases.changeBeforeTheNextWrites(3);
        assertThatThrownBy(() -> delete.execute(caller, created.id(), VersionPrecondition.ANY, false))
                .isInstanceOf(ConcurrentChangeException.class);
        databases.changeBeforeTheNextWrites(1);
        Database now = get.execute(admin, created.id());
        assertThatThrownBy(() -> delete.execute(caller, created.id(), versions(now.version()), false))
                .isInstanceOf(VersionMismatchException.class);
        assertThat(get.execute(admin, created.id()).status()).isEqualTo(DatabaseStatus.PENDING);
        assertThat(jobs.forDatabase(created.id(), 10)).extracting(Job::kind).containsExactly(JobKind.PROVISION);

        databases.changeBeforeTheNextWrites(1);
        Database deleting = delete.execute(caller, created.id(), VersionPrecondition.ANY, false);

        assertThat(deleting.status()).as("a race lost once is run again").isEqualTo(DatabaseStatus.DELETING);
        assertThat(jobs.forDatabase(created.id(), 10))
                .extracting(Job::kind)
                .containsExactlyInAnyOrder(JobKind.DEACTIVATE, JobKind.PROVISION);
    }

    @Test
    void listParametersAreValidatedTogether() {
        var error = catchThrowableOfType(
                InvalidInputException.class,
                () -> ListDatabasesQuery.of("Bad Team", "sleeping", " ", "size", "0", "bogus"));

        assertThat(error.errors())
                .extracting(FieldError::field)
                .containsExactly("owner_team", "status", "q", "sort", "page_size");
    }

    @Test
    void aPageTokenFromAnotherSortIsAnInputError() {
        for (int i = 0; i < 3; i++) {
            create.execute(caller, CreateDatabaseCommand.of("db-" + i, "checkout", "Orders", null));
        }
        var first = list.execute(admin, ListDatabasesQuery.of(null, null, null, "name", "2", null));
        String token = first.next().orElseThrow().value();

        assertThat(list.execute(admin, ListDatabasesQuery.of(null, null, null, "name", "2", token))
                        .items())
                .hasSize(1);
        var error = catchThrowableOfType(
                InvalidInputException.class, () -> ListDatabasesQuery.of(null, null, null, "-created_at", "2", token));
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("page_token");
    }

    private static UpdateDatabaseCommand purpose(Database database, String purpose, VersionPrecondition precondition) {
        return new UpdateDatabaseCommand(database.id(), Optional.of(new Purpose(purpose)), null, null, precondition);
    }

    private static VersionPrecondition versions(long... versions) {
        return VersionPrecondition.oneOf(Arrays.stream(versions).boxed().toList());
    }

    /** Runs the work directly and counts transactions, so tests can see one use case = one transaction. */
    private static final class CountingTransactions implements Transactions {
        int opened;
        int open;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            opened++;
            open++;
            try {
                return work.get();
            } finally {
                open--;
            }
        }
    }

    /**
     * The store as the use cases see it, noting whether each lookup and write ran inside a transaction, and able to
     * let another writer commit a change just before the next write (the race the version check exists for).
     */
    private final class InterleavingDatabases implements Databases {
        final List<String> calls = new ArrayList<>();
        private final Databases store;
        private int writesToRace;

        InterleavingDatabases(Databases store) {
            this.store = store;
        }

        /** Lets another writer commit a change just before each of the next {@code writes} writes. */
        void changeBeforeTheNextWrites(int writes) {
            writesToRace = writes;
        }

        @Override
        public void add(Database database) {
            store.add(database);
        }

        @Override
        public Optional<Database> find(DatabaseId id) {
            calls.add("find " + where());
            return store.find(id);
        }

        @Override
        public Optional<Database> findIncludingDeleted(DatabaseId id) {
            calls.add("find " + where());
            return store.findIncludingDeleted(id);
        }

        @Override
        public List<Database> dueForPurge(Instant now, int limit) {
            return store.dueForPurge(now, limit);
        }

        @Override
        public void update(Database changed, long expectedVersion) {
            calls.add("update " + where());
            if (writesToRace > 0) {
                writesToRace--;
                Database current = store.find(changed.id()).orElseThrow();
                var meanwhile = new DatabaseChanges(Optional.of(new Purpose("changed meanwhile")), null, null);
                store.update(current.change(meanwhile, clock.instant()), current.version());
            }
            store.update(changed, expectedVersion);
        }

        @Override
        public boolean nameOnClusterTaken(ClusterId cluster, NameOnCluster name) {
            return store.nameOnClusterTaken(cluster, name);
        }

        @Override
        public void changeQuotaState(
                dev.daap.domain.database.DatabaseId id, dev.daap.domain.database.QuotaState state) {
            store.changeQuotaState(id, state);
        }

        @Override
        public void changeEndpoint(ClusterId cluster, ClientEndpoint.Resolved endpoint) {
            store.changeEndpoint(cluster, endpoint);
        }

        @Override
        public int assignUnplaced(ClusterRef cluster) {
            return store.assignUnplaced(cluster);
        }

        @Override
        public Page<Database> list(DatabaseQuery query) {
            return store.list(query);
        }

        private String where() {
            return transactions.open > 0 ? "in a transaction" : "outside any transaction";
        }
    }
}
