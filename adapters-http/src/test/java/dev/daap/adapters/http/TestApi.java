package dev.daap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.backup.ChunkedAesGcm;
import dev.daap.adapters.http.access.AccessUseCases;
import dev.daap.adapters.http.backup.BackupUseCases;
import dev.daap.adapters.http.cluster.ClusterUseCases;
import dev.daap.adapters.http.cost.CostUseCases;
import dev.daap.adapters.http.database.DatabaseUseCases;
import dev.daap.adapters.http.event.EventHandler;
import dev.daap.adapters.http.event.EventUseCases;
import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.adapters.http.idempotency.Idempotency;
import dev.daap.adapters.http.plan.PlanUseCases;
import dev.daap.adapters.http.ratelimit.RateLimitSettings;
import dev.daap.adapters.http.snapshot.SnapshotUseCases;
import dev.daap.adapters.http.usage.UsageUseCases;
import dev.daap.adapters.http.user.UserUseCases;
import dev.daap.adapters.http.version.VersionInfo;
import dev.daap.application.access.Authenticate;
import dev.daap.application.access.CreateApiKey;
import dev.daap.application.access.ListApiKeys;
import dev.daap.application.access.ListPlatformKeys;
import dev.daap.application.access.RevokeApiKey;
import dev.daap.application.access.RevokePlatformKey;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.audit.ListAuditEvents;
import dev.daap.application.backup.BackupLimit;
import dev.daap.application.backup.DeleteBackup;
import dev.daap.application.backup.ListBackups;
import dev.daap.application.backup.TakeBackup;
import dev.daap.application.backup.VerifyBackup;
import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.cluster.DeleteCluster;
import dev.daap.application.cluster.GetCluster;
import dev.daap.application.cluster.ListClusters;
import dev.daap.application.cluster.RegisterCluster;
import dev.daap.application.cluster.UpdateCluster;
import dev.daap.application.cost.GetPlatformCosts;
import dev.daap.application.cost.GetTeamCosts;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.ExportDatabases;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.MoveDatabase;
import dev.daap.application.database.RestoreDatabase;
import dev.daap.application.database.RetryDatabase;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.application.event.BackupEvents;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.event.EventHub;
import dev.daap.application.event.ListEvents;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.application.event.WatchEvents;
import dev.daap.application.job.ApplyPlan;
import dev.daap.application.job.BackupRestorer;
import dev.daap.application.job.BackupWriter;
import dev.daap.application.job.ClonesInFlight;
import dev.daap.application.job.ClusterWaits;
import dev.daap.application.job.DeactivateDatabase;
import dev.daap.application.job.DrillBackup;
import dev.daap.application.job.DropBackup;
import dev.daap.application.job.DropSnapshot;
import dev.daap.application.job.JobHandler;
import dev.daap.application.job.JobRunner;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.job.JobSettings;
import dev.daap.application.job.MakeBackup;
import dev.daap.application.job.MakeSnapshot;
import dev.daap.application.job.MoveToCluster;
import dev.daap.application.job.ProvisionDatabase;
import dev.daap.application.job.PurgeDatabase;
import dev.daap.application.job.PurgeExpiredDatabases;
import dev.daap.application.job.ReactivateDatabase;
import dev.daap.application.job.RestoreFromSnapshot;
import dev.daap.application.job.SnapshotsOfDatabase;
import dev.daap.application.operation.GetOperation;
import dev.daap.application.operation.ListOperations;
import dev.daap.application.plan.Admission;
import dev.daap.application.plan.AdmissionSettings;
import dev.daap.application.plan.CreatePlan;
import dev.daap.application.plan.DeletePlan;
import dev.daap.application.plan.GetPlan;
import dev.daap.application.plan.ListPlans;
import dev.daap.application.plan.StorageLimits;
import dev.daap.application.plan.UpdatePlan;
import dev.daap.application.revision.ListRevisions;
import dev.daap.application.snapshot.DeleteSnapshot;
import dev.daap.application.snapshot.ListSnapshots;
import dev.daap.application.snapshot.RestoreSnapshot;
import dev.daap.application.snapshot.SnapshotLimit;
import dev.daap.application.snapshot.TakeSnapshot;
import dev.daap.application.team.CreateTeam;
import dev.daap.application.team.GetTeam;
import dev.daap.application.team.ListTeams;
import dev.daap.application.team.UpdateTeamLimits;
import dev.daap.application.usage.GetDatabaseUsage;
import dev.daap.application.usage.GetTeamUsage;
import dev.daap.application.user.CreateUser;
import dev.daap.application.user.CreateUserLogin;
import dev.daap.application.user.DeleteUser;
import dev.daap.application.user.DropUserLogins;
import dev.daap.application.user.EndExpiredOverlaps;
import dev.daap.application.user.EndPreviousLogin;
import dev.daap.application.user.GetUser;
import dev.daap.application.user.ListUsers;
import dev.daap.application.user.ReadCredentials;
import dev.daap.application.user.ReadUserCredentials;
import dev.daap.application.user.RevokePreviousLogin;
import dev.daap.application.user.RotateCredentials;
import dev.daap.application.user.RotateUserCredentials;
import dev.daap.application.user.UserEvents;
import dev.daap.application.user.UserLimit;
import dev.daap.application.user.UserPasswords;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.FakeBackupTools;
import dev.daap.testing.FakeClusterIsolation;
import dev.daap.testing.FakeProvisioner;
import dev.daap.testing.FakeTableCensus;
import dev.daap.testing.InMemoryApiKeys;
import dev.daap.testing.InMemoryAuditLog;
import dev.daap.testing.InMemoryBackupStore;
import dev.daap.testing.InMemoryBackups;
import dev.daap.testing.InMemoryCredentialVault;
import dev.daap.testing.InMemoryDatabaseUsers;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.InMemoryIdempotencyStore;
import dev.daap.testing.InMemoryJobQueue;
import dev.daap.testing.InMemoryMoves;
import dev.daap.testing.InMemoryPlans;
import dev.daap.testing.InMemoryRevisions;
import dev.daap.testing.InMemorySnapshots;
import dev.daap.testing.InMemorySpending;
import dev.daap.testing.InMemoryTeams;
import dev.daap.testing.NoCostSources;
import dev.daap.testing.NoUsageHistory;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestFleet;
import dev.daap.testing.http.ApiUnderTest;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@link HttpServer} on a free port, wired to the real use cases over in-memory fakes of the ports, a
 * job runner that a test drives step by step (no background worker), and a {@link TestClient}. Requests carry the
 * platform admin token {@link #ADMIN_TOKEN} unless a test sends another ({@link #as}) or none ({@code as(null)});
 * the teams of {@link #TEAMS} exist, and the fleet has one cluster, {@code default}, at the fake provisioner.
 */
final class TestApi implements ApiUnderTest, AutoCloseable {
    static final String ADMIN_TOKEN = "daap_testadmin_" + "0123456789abcdef0123456789abcdef";
    static final List<String> TEAMS = List.of("payments", "search", "checkout");
    static final String WORKER = "test-worker";
    /** Few, so a test reaches the limit quickly. */
    static final int SNAPSHOT_LIMIT = 3;
    /** Above what the tests that fill lists create in one team; the quota tests set a team's own, lower. */
    static final int TEAM_MAX_DATABASES = 1_000;
    /** The first owner and three more. */
    static final int USER_LIMIT = 4;

    static final int BACKUP_LIMIT = 3;
    /** What GET /v1/version answers here: the real source is the bootstrap's. */
    static final VersionInfo VERSION = new VersionInfo(
            "1.2.3",
            "0123456789abcdef0123456789abcdef01234567",
            new VersionInfo.Schema(33, 33, "0033-audit-events-actor-kind"),
            new VersionInfo.Postgres("17.6", Map.of("default", "16.4")));
    /** Two attempts, and a failed one is due again at once: a test uses them up by running the next job twice. */
    static final JobSettings JOB_SETTINGS =
            new JobSettings(2, Duration.ofMinutes(2), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));

    /** How long a deleted database can be restored, as DAAP_RESTORE_WINDOW says by default. */
    static final Duration RESTORE_WINDOW = Duration.ofDays(7);

    /** One millisecond on at every reading, so creation order is also time order; sub-millisecond, as stored. */
    final TestClock clock = TestClock.stepping(Instant.parse("2026-11-25T14:00:00.000123456Z"), Duration.ofMillis(1));

    final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
    final InMemoryCredentialVault vault = new InMemoryCredentialVault();
    final InMemoryEventLog events = new InMemoryEventLog();
    final EventHub hub = new EventHub(EventHub.DEFAULT_BUFFER);
    final TestFleet fleet;
    final FakeProvisioner provisioner;
    final FakeClusterIsolation isolation = new FakeClusterIsolation();
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final ScriptedIdempotencyStore scriptedIdempotency = new ScriptedIdempotencyStore(idempotency);
    final InMemoryTeams teams = new InMemoryTeams();
    final InMemoryDatabases store = new InMemoryDatabases(teams);
    final ScriptedDatabases databases = new ScriptedDatabases(store);
    final InMemoryApiKeys keys = new InMemoryApiKeys();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final InMemoryRevisions revisions = new InMemoryRevisions();
    final InMemorySnapshots snapshots = new InMemorySnapshots();
    final InMemoryMoves moves = new InMemoryMoves();
    final InMemoryBackups backups = new InMemoryBackups();
    final InMemoryBackupStore backupStore = new InMemoryBackupStore();
    /** Tools of the fake clusters' major version: a test that needs them missing installs older ones. */
    final FakeBackupTools backupTools = new FakeBackupTools(17);

    final FakeTableCensus tableCensus = new FakeTableCensus();

    final ChunkedAesGcm backupCipher = new ChunkedAesGcm(new byte[32]);
    final InMemoryDatabaseUsers users = new InMemoryDatabaseUsers(jobs);
    final InMemoryPlans plans = InMemoryPlans.withDefaultCatalog(store::rows, Instant.parse("2026-11-01T00:00:00Z"));
    final Admission admission = new Admission(
            teams, plans, new InMemorySpending(store::rows), new AdmissionSettings(TEAM_MAX_DATABASES, "EUR"), clock);
    final HttpServer server;
    final DirectTransactions transactions = new DirectTransactions();
    private final UuidV7Generator ids = new UuidV7Generator(clock);
    private final JobRunner runner;
    private final TestClient client;

    private TestApi(HttpSettings settings, ReadinessCheck readiness) {
        fleet = TestFleet.withDefault(store::rows);
        provisioner = fleet.provisioner;
        var targets = new ClusterTargets(fleet.clusters, fleet.secrets, fleet.provisioner);
        var passwords = new PasswordGenerator();
        var snapshotEvents = new SnapshotEvents(events);
        var backupEvents = new BackupEvents(events);
        var snapshotsOfDatabase =
                new SnapshotsOfDatabase(snapshots, targets, provisioner, fleet.clusters, snapshotEvents, clock);
        var userPasswords = new UserPasswords(vault, users);
        var userEvents = new UserEvents(events);
        Map<JobKind, JobHandler> handlers = new EnumMap<>(JobKind.class);
        handlers.put(
                JobKind.USER_CREATE,
                new CreateUserLogin(transactions, databases, users, userPasswords, jobs, targets, userEvents, clock));
        handlers.put(
                JobKind.USER_DELETE,
                new DropUserLogins(transactions, databases, users, jobs, targets, userEvents, clock));
        handlers.put(
                JobKind.USER_END_PREVIOUS,
                new EndPreviousLogin(transactions, databases, users, jobs, targets, userEvents, clock));
        handlers.put(
                JobKind.BACKUP,
                new MakeBackup(
                        transactions,
                        databases,
                        backups,
                        jobs,
                        targets,
                        fleet.clusters,
                        backupTools,
                        tableCensus,
                        new BackupWriter(backupStore, backupCipher),
                        backupEvents,
                        clock));
        handlers.put(JobKind.APPLY_PLAN, new ApplyPlan(transactions, databases, plans, jobs, targets));
        handlers.put(
                JobKind.MOVE,
                new MoveToCluster(
                        transactions,
                        databases,
                        moves,
                        jobs,
                        events,
                        vault,
                        users,
                        targets,
                        fleet.clusters,
                        backupTools,
                        plans,
                        new ClonesInFlight(snapshots, databases),
                        ids,
                        RESTORE_WINDOW,
                        clock));
        handlers.put(
                JobKind.BACKUP_DELETE, new DropBackup(transactions, backups, jobs, backupStore, backupEvents, clock));
        handlers.put(
                JobKind.BACKUP_DRILL,
                new DrillBackup(
                        transactions,
                        backups,
                        jobs,
                        targets,
                        new BackupRestorer(backups, backupStore, backupCipher, backupTools, targets),
                        tableCensus,
                        passwords,
                        backupEvents,
                        clock));
        handlers.putAll(Map.of(
                JobKind.PROVISION,
                        new ProvisionDatabase(
                                transactions,
                                databases,
                                jobs,
                                events,
                                vault,
                                targets,
                                passwords,
                                snapshots,
                                provisioner,
                                backups,
                                new BackupRestorer(backups, backupStore, backupCipher, backupTools, targets),
                                users,
                                ids,
                                clock,
                                plans),
                JobKind.DEPROVISION,
                        new PurgeDatabase(
                                transactions,
                                databases,
                                jobs,
                                events,
                                vault,
                                users,
                                targets,
                                fleet.clusters,
                                snapshotsOfDatabase,
                                new ClonesInFlight(snapshots, databases),
                                clock),
                JobKind.DEACTIVATE,
                        new DeactivateDatabase(
                                transactions,
                                databases,
                                jobs,
                                events,
                                targets,
                                new ClonesInFlight(snapshots, databases),
                                RESTORE_WINDOW,
                                clock),
                JobKind.RESTORE, new ReactivateDatabase(transactions, databases, jobs, events, targets, users, clock),
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
                                snapshotsOfDatabase,
                                new ClonesInFlight(snapshots, databases),
                                clock),
                JobKind.SNAPSHOT,
                        new MakeSnapshot(
                                transactions,
                                databases,
                                snapshots,
                                jobs,
                                targets,
                                provisioner,
                                fleet.clusters,
                                snapshotEvents,
                                clock),
                JobKind.SNAPSHOT_DELETE,
                        new DropSnapshot(
                                transactions,
                                snapshots,
                                jobs,
                                targets,
                                provisioner,
                                fleet.clusters,
                                snapshotEvents,
                                clock),
                JobKind.SNAPSHOT_RESTORE,
                        new RestoreFromSnapshot(
                                transactions,
                                databases,
                                snapshots,
                                jobs,
                                targets,
                                provisioner,
                                fleet.clusters,
                                snapshotEvents,
                                clock)));
        runner = new JobRunner(
                transactions,
                jobs,
                handlers,
                JOB_SETTINGS,
                new ClusterWaits(databases, fleet.clusters, JOB_SETTINGS),
                clock);
        var audit = new AuditTrail(auditLog, revisions, ids, clock);
        var databaseEvents = new DatabaseEvents(events, clock);
        var userUseCases = userUseCases(passwords, audit, databaseEvents, targets, userPasswords, userEvents);
        server = new HttpServer(
                useCases(userUseCases),
                accessUseCases(audit),
                new EventUseCases(new ListEvents(events), new WatchEvents(events, hub), EventHandler.DEFAULT_HEARTBEAT),
                clusterUseCases(audit),
                snapshotUseCases(audit, snapshotEvents),
                backupUseCases(audit, backupEvents),
                userUseCases,
                planUseCases(audit),
                new UsageUseCases(
                        new GetDatabaseUsage(databases, new NoUsageHistory()),
                        new GetTeamUsage(teams, new NoUsageHistory()),
                        clock),
                new CostUseCases(
                        new GetTeamCosts(teams, plans, new NoCostSources(), clock),
                        new GetPlatformCosts(plans, new NoCostSources(), clock),
                        "EUR",
                        clock),
                readiness,
                () -> VERSION,
                settings);
        keys.add(ApiKey.issue(
                ids.newId(), null, Role.PLATFORM_ADMIN, ApiToken.parse(ADMIN_TOKEN), "tests", clock.instant(), null));
        TEAMS.forEach(slug -> teams.add(new Team(new TeamSlug(slug), "Team " + slug, clock.instant())));
        server.start();
        client = TestClient.to("http://127.0.0.1:" + server.port()).as(ADMIN_TOKEN);
    }

    private UserUseCases userUseCases(
            PasswordGenerator passwords,
            AuditTrail audit,
            DatabaseEvents databaseEvents,
            ClusterTargets targets,
            UserPasswords userPasswords,
            UserEvents userEvents) {
        var scheduler = new JobScheduler(jobs, JOB_SETTINGS, ids, clock);
        return new UserUseCases(
                new CreateUser(
                        transactions,
                        databases,
                        users,
                        userPasswords,
                        passwords,
                        new UserLimit(USER_LIMIT),
                        scheduler,
                        audit,
                        userEvents,
                        ids,
                        clock),
                new ListUsers(transactions, databases, users),
                new GetUser(transactions, databases, users),
                new DeleteUser(transactions, databases, users, scheduler, audit, userEvents, clock),
                new ReadUserCredentials(transactions, databases, users, userPasswords, audit),
                new RotateUserCredentials(
                        transactions,
                        databases,
                        users,
                        userPasswords,
                        passwords,
                        targets,
                        scheduler,
                        audit,
                        userEvents,
                        databaseEvents,
                        clock),
                new RevokePreviousLogin(transactions, databases, users, scheduler, audit, clock));
    }

    /** The sweep that ends overlaps, as the server runs it every few seconds. */
    EndExpiredOverlaps endExpiredOverlaps() {
        return new EndExpiredOverlaps(transactions, users, new JobScheduler(jobs, JOB_SETTINGS, ids, clock), clock);
    }

    private DatabaseUseCases useCases(UserUseCases userUseCases) {
        var audit = new AuditTrail(auditLog, revisions, ids, clock);
        var databaseEvents = new DatabaseEvents(events, clock);
        var scheduler = new JobScheduler(jobs, JOB_SETTINGS, ids, clock);
        return new DatabaseUseCases(
                new CreateDatabase(
                        transactions,
                        databases,
                        fleet.clusters,
                        snapshots,
                        backups,
                        scheduler,
                        audit,
                        databaseEvents,
                        ids,
                        clock,
                        plans,
                        admission,
                        null),
                new GetDatabase(databases),
                new ListDatabases(databases),
                new ExportDatabases(transactions, databases),
                new UpdateDatabase(
                        transactions,
                        databases,
                        teams,
                        scheduler,
                        audit,
                        databaseEvents,
                        clock,
                        plans,
                        admission,
                        // Only the probe settles quota states from sizes; it does not run here.
                        new StorageLimits(
                                (cluster, measured) -> List.of(),
                                databases,
                                databaseEvents,
                                audit,
                                jobs,
                                ids,
                                JOB_SETTINGS.maxAttempts(),
                                clock)),
                new DeleteDatabase(transactions, databases, scheduler, audit, databaseEvents, clock),
                new RetryDatabase(
                        transactions, databases, scheduler, jobs, audit, databaseEvents, clock, moves, fleet.clusters),
                new GetOperation(jobs, databases, JOB_SETTINGS, clock, moves),
                new ListOperations(jobs, databases, JOB_SETTINGS, clock, moves),
                new ReadCredentials(userUseCases.readCredentials()),
                new RotateCredentials(userUseCases.rotate()),
                new Idempotency(scriptedIdempotency, clock),
                new RestoreDatabase(transactions, databases, scheduler, audit, databaseEvents, clock, plans, admission),
                new ListRevisions(databases, revisions),
                new MoveDatabase(
                        transactions,
                        databases,
                        fleet.clusters,
                        moves,
                        snapshots,
                        backupTools,
                        scheduler,
                        audit,
                        databaseEvents,
                        ids,
                        clock));
    }

    private SnapshotUseCases snapshotUseCases(AuditTrail audit, SnapshotEvents snapshotEvents) {
        var scheduler = new JobScheduler(jobs, JOB_SETTINGS, ids, clock);
        var limit = new SnapshotLimit(SNAPSHOT_LIMIT);
        return new SnapshotUseCases(
                new TakeSnapshot(
                        transactions, databases, snapshots, limit, scheduler, audit, snapshotEvents, ids, clock),
                new ListSnapshots(databases, snapshots),
                new DeleteSnapshot(transactions, databases, snapshots, scheduler, audit, snapshotEvents, clock),
                new RestoreSnapshot(
                        transactions, databases, snapshots, limit, scheduler, audit, snapshotEvents, ids, clock));
    }

    private BackupUseCases backupUseCases(AuditTrail audit, BackupEvents backupEvents) {
        var scheduler = new JobScheduler(jobs, JOB_SETTINGS, ids, clock);
        return new BackupUseCases(
                new TakeBackup(
                        transactions,
                        databases,
                        fleet.clusters,
                        backups,
                        backupTools,
                        new BackupLimit(BACKUP_LIMIT),
                        scheduler,
                        audit,
                        backupEvents,
                        ids,
                        clock),
                new ListBackups(databases, backups),
                new DeleteBackup(transactions, backups, scheduler, audit, backupEvents, clock),
                new VerifyBackup(transactions, backups, scheduler, audit, clock));
    }

    private ClusterUseCases clusterUseCases(AuditTrail audit) {
        return new ClusterUseCases(
                new RegisterCluster(
                        transactions, fleet.clusters, fleet.secrets, provisioner, isolation, audit, ids, clock),
                new GetCluster(fleet.clusters),
                new ListClusters(fleet.clusters),
                new UpdateCluster(transactions, fleet.clusters, fleet.secrets, databases, provisioner, audit, clock),
                new DeleteCluster(transactions, fleet.clusters, fleet.secrets, audit, clock),
                backupTools);
    }

    private PlanUseCases planUseCases(AuditTrail audit) {
        String currency = "EUR";
        return new PlanUseCases(
                new ListPlans(transactions, plans),
                new GetPlan(transactions, plans),
                new CreatePlan(transactions, plans, audit, clock),
                new UpdatePlan(transactions, plans, audit, clock),
                new DeletePlan(transactions, plans, audit),
                new UpdateTeamLimits(transactions, teams, audit, currency),
                currency);
    }

    private AccessUseCases accessUseCases(AuditTrail audit) {
        return new AccessUseCases(
                new Authenticate(keys, clock),
                new CreateTeam(transactions, teams, audit, clock),
                new GetTeam(teams),
                new ListTeams(teams),
                new CreateApiKey(transactions, teams, keys, audit, ids, clock),
                new ListApiKeys(teams, keys),
                new RevokeApiKey(transactions, keys, audit, clock),
                new ListPlatformKeys(keys),
                new RevokePlatformKey(transactions, keys, audit, clock),
                new ListAuditEvents(auditLog));
    }

    /** A key of {@code team} with {@code role}, stored directly; returns its token. */
    String issueKey(String team, Role role) {
        return issueKey(team, role, null);
    }

    String issueKey(String team, Role role, Instant expiresAt) {
        ApiToken token = ApiToken.generate(new java.security.SecureRandom());
        keys.add(ApiKey.issue(
                ids.newId(),
                team == null ? null : new TeamSlug(team),
                role,
                token,
                "test",
                clock.instant(),
                expiresAt));
        return token.value();
    }

    /** What one worker does on one wake-up: claims and runs the next due job; false when none was due. */
    boolean runNextJob() {
        return runner.runNext(WORKER);
    }

    /** One run of the sweep that purges deleted databases past their window; returns how many it started. */
    int purgeExpired() {
        return new PurgeExpiredDatabases(
                        transactions,
                        databases,
                        new JobScheduler(jobs, JOB_SETTINGS, ids, clock),
                        new AuditTrail(auditLog, revisions, ids, clock),
                        new DatabaseEvents(events, clock),
                        clock)
                .execute();
    }

    /** Runs jobs until none is due, e.g. a provision job with all its retries. */
    void runJobs() {
        for (int run = 0; runNextJob(); run++) {
            if (run == 20) {
                throw new AssertionError("jobs are still due after 20 runs");
            }
        }
    }

    /**
     * The tests send requests much faster than any client may, and the access matrix refuses hundreds of tokens
     * from one address: far above the defaults. {@code RateLimitApiTest} holds the limits themselves.
     */
    static final RateLimitSettings GENEROUS_LIMITS = new RateLimitSettings(1_000_000, 100_000, 1_000_000, 10_000);

    static TestApi start() {
        return start(HttpSettings.defaults());
    }

    static TestApi start(HttpSettings settings) {
        return new TestApi(
                settings.withPort(0).withHost("127.0.0.1").withRateLimits(limitsOf(settings)),
                () -> new Readiness(true, Map.of("database", "ok")));
    }

    static TestApi start(ReadinessCheck readiness) {
        return new TestApi(
                HttpSettings.defaults().withPort(0).withHost("127.0.0.1").withRateLimits(GENEROUS_LIMITS), readiness);
    }

    /** Generous unless the test chose limits of its own. */
    private static RateLimitSettings limitsOf(HttpSettings settings) {
        return settings.rateLimits().equals(RateLimitSettings.defaults()) ? GENEROUS_LIMITS : settings.rateLimits();
    }

    @Override
    public TestClient client() {
        return client;
    }

    /** Creates a database and returns its JSON; fails the test unless the server says 201. */
    JsonNode create(String name, String ownerTeam, String purpose, String labelsJson) {
        String labels = labelsJson == null ? "" : ", \"labels\": " + labelsJson;
        TestResponse response = post("/v1/databases", """
                {"name": "%s", "owner_team": "%s", "purpose": "%s"%s}""".formatted(name, ownerTeam, purpose, labels));
        if (response.status() != 201) {
            throw new AssertionError("create " + name + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    JsonNode create(String name) {
        return create(name, "payments", "Ledger of " + name, null);
    }

    /** Creates a database, runs its provision job, and returns its path; fails unless it is then ready. */
    String createReady(String name) {
        String path = "/v1/databases/" + create(name).path("id").asText();
        runJobs();
        String status = get(path).json().path("status").asText();
        if (!status.equals("ready")) {
            throw new AssertionError(name + " is " + status + " after its provision job ran");
        }
        return path;
    }

    /** Closes the client's idle connections first, so the server's graceful stop has nothing to wait for. */
    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
