package dev.daap.bootstrap;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.daap.adapters.backup.ChunkedAesGcm;
import dev.daap.adapters.backup.FolderBackupStore;
import dev.daap.adapters.backup.PgClientTools;
import dev.daap.adapters.backup.s3.S3BackupStore;
import dev.daap.adapters.http.access.AccessUseCases;
import dev.daap.adapters.http.backup.BackupUseCases;
import dev.daap.adapters.http.cluster.ClusterUseCases;
import dev.daap.adapters.http.cost.CostUseCases;
import dev.daap.adapters.http.database.DatabaseUseCases;
import dev.daap.adapters.http.idempotency.Idempotency;
import dev.daap.adapters.http.plan.PlanUseCases;
import dev.daap.adapters.http.snapshot.SnapshotUseCases;
import dev.daap.adapters.http.usage.UsageUseCases;
import dev.daap.adapters.http.user.UserUseCases;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.access.JooqApiKeys;
import dev.daap.adapters.postgres.audit.JooqAuditLog;
import dev.daap.adapters.postgres.backup.JooqBackupSchedules;
import dev.daap.adapters.postgres.backup.JooqBackups;
import dev.daap.adapters.postgres.cluster.JooqClusterProbeStore;
import dev.daap.adapters.postgres.cluster.JooqClusterSecrets;
import dev.daap.adapters.postgres.cluster.JooqClusters;
import dev.daap.adapters.postgres.cluster.PostgresClusterIsolation;
import dev.daap.adapters.postgres.cluster.PostgresClusterProbe;
import dev.daap.adapters.postgres.cost.JooqCostSources;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.credential.JooqCredentialVault;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.adapters.postgres.database.JooqQuotaStates;
import dev.daap.adapters.postgres.event.JooqEventLog;
import dev.daap.adapters.postgres.idempotency.JooqIdempotencyStore;
import dev.daap.adapters.postgres.job.JooqJobQueue;
import dev.daap.adapters.postgres.job.JooqPeriodicRuns;
import dev.daap.adapters.postgres.move.JooqMoves;
import dev.daap.adapters.postgres.plan.JooqPlans;
import dev.daap.adapters.postgres.plan.JooqSpending;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.adapters.postgres.provisioning.PostgresTableCensus;
import dev.daap.adapters.postgres.revision.JooqRevisions;
import dev.daap.adapters.postgres.snapshot.JooqSnapshots;
import dev.daap.adapters.postgres.team.JooqTeams;
import dev.daap.adapters.postgres.usage.JooqUsageHistory;
import dev.daap.adapters.postgres.user.JooqDatabaseUsers;
import dev.daap.application.access.Authenticate;
import dev.daap.application.access.BootstrapPlatformAdmin;
import dev.daap.application.access.CreateApiKey;
import dev.daap.application.access.CreatePlatformAdminKeyFromCli;
import dev.daap.application.access.ListApiKeys;
import dev.daap.application.access.ListPlatformKeys;
import dev.daap.application.access.RevokeApiKey;
import dev.daap.application.access.RevokePlatformKey;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.audit.ListAuditEvents;
import dev.daap.application.backup.BackupLimit;
import dev.daap.application.backup.DeleteBackup;
import dev.daap.application.backup.ListBackups;
import dev.daap.application.backup.ScheduleBackups;
import dev.daap.application.backup.ScheduleRestoreDrills;
import dev.daap.application.backup.TakeBackup;
import dev.daap.application.backup.VerifyBackup;
import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.cluster.DeleteCluster;
import dev.daap.application.cluster.GetCluster;
import dev.daap.application.cluster.IsolateClusters;
import dev.daap.application.cluster.ListClusters;
import dev.daap.application.cluster.ProbeClusters;
import dev.daap.application.cluster.ProbeSettings;
import dev.daap.application.cluster.RegisterCluster;
import dev.daap.application.cluster.RegisterDefaultCluster;
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
import dev.daap.application.event.SnapshotEvents;
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
import dev.daap.application.job.SetUpAccess;
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
import dev.daap.application.usage.RollUpUsage;
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
import dev.daap.application.user.RotateUsersAfterMove;
import dev.daap.application.user.UserEvents;
import dev.daap.application.user.UserLimit;
import dev.daap.application.user.UserPasswords;
import dev.daap.bootstrap.observability.JobMetrics;
import dev.daap.bootstrap.observability.ObservedJobHandler;
import dev.daap.bootstrap.observability.Telemetry;
import dev.daap.bootstrap.observability.TelemetrySettings;
import dev.daap.bootstrap.observability.TraceStampingJobQueue;
import dev.daap.domain.backup.BackupCipher;
import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.ClusterIsolation;
import dev.daap.domain.cluster.ClusterProbe;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.snapshot.Copiers;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Ports to adapters, use cases to ports: the object graph, built by hand, in one place. */
final class Wiring {
    final JooqTransactions transactions;
    final JooqDatabases databases;
    final JooqJobQueue jobs;
    final JooqEventLog events;
    final JooqCredentialVault vault;
    final JooqIdempotencyStore idempotency;
    final JooqTeams teams;
    final JooqPlans plans;
    private final Admission admission;
    private final AdmissionSettings admissionSettings;
    final JooqApiKeys apiKeys;
    final JooqAuditLog auditLog;
    final JooqRevisions revisions;
    final JooqUsageHistory usageHistory;
    private final Duration usageRetention;
    final JooqClusters clusters;
    final JooqClusterSecrets clusterSecrets;
    final JobSettings jobSettings;
    final Provisioners provisioners;
    final Copiers copiers;
    final JooqSnapshots snapshots;
    final JooqBackups backups;
    final BackupSide backupSide;
    private final BackupEvents backupEvents;
    final JooqBackupSchedules backupSchedules;
    final JooqDatabaseUsers users;
    final JooqMoves moves;
    private final UserPasswords userPasswords;
    private final UserEvents userEvents;
    private final SnapshotLimit snapshotLimit;
    private final UserLimit userLimit;
    private final BackupLimit backupLimit;
    private final DaapConfig.DrillConfig drills;
    private final BackupPolicy defaultBackupPolicy;
    private final SnapshotEvents snapshotEvents;
    final ClusterTargets clusterTargets;
    private final JooqClusterProbeStore probeStore;
    private final ClusterSide clusterSide;
    final ProbeSettings probeSettings;
    final Clock clock;
    final Telemetry telemetry;
    /** The queue as use cases enqueue into it: each job carries the trace of the request that asked for it. */
    private final JobQueue requestJobs;

    private final UuidV7Generator ids;
    private final PasswordGenerator passwords = new PasswordGenerator();
    private final AuditTrail audit;
    private final DatabaseEvents databaseEvents;
    private final Duration restoreWindow;

    // One chain, each constructor adding one thing to the one before: tests take the shortest that serves them.

    /** For tests of the rest: the real probe and isolation (knowing no login of DAAP's), the system clock. */
    Wiring(DSLContext dsl, DaapConfig config, CredentialCipher cipher, Provisioners provisioners) {
        this(dsl, config, cipher, provisioners, Clock.systemUTC());
    }

    /** With a clock of the caller's: tests move time forward past a lease or a probe interval instead of waiting. */
    Wiring(DSLContext dsl, DaapConfig config, CredentialCipher cipher, Provisioners provisioners, Clock clock) {
        this(dsl, config, cipher, provisioners, ClusterSide.of(config, Optional.empty()), clock);
    }

    /** With the cluster side of the caller's (a fake probe, say); without metrics or traces. */
    Wiring(
            DSLContext dsl,
            DaapConfig config,
            CredentialCipher cipher,
            Provisioners provisioners,
            ClusterSide side,
            Clock clock) {
        this(
                dsl,
                config,
                cipher,
                provisioners,
                side,
                clock,
                Telemetry.start(TelemetrySettings.off(), Optional.empty()));
    }

    /** What the application runs: backups in the configured store, with the tools found on this machine. */
    Wiring(
            DSLContext dsl,
            DaapConfig config,
            CredentialCipher cipher,
            Provisioners provisioners,
            ClusterSide side,
            Clock clock,
            Telemetry telemetry) {
        this(dsl, config, cipher, provisioners, side, clock, telemetry, BackupSide.of(config, cipher));
    }

    /** Everything given: tests put a store of their own in front of the real one (to play a crash, say). */
    Wiring(
            DSLContext dsl,
            DaapConfig config,
            CredentialCipher cipher,
            Provisioners provisioners,
            ClusterSide side,
            Clock clock,
            Telemetry telemetry,
            BackupSide backupSide) {
        this.backupSide = backupSide;
        this.clock = clock;
        this.telemetry = telemetry;
        this.ids = new UuidV7Generator(clock);
        this.transactions = new JooqTransactions(dsl);
        this.databases = new JooqDatabases(transactions);
        this.jobs = new JooqJobQueue(transactions, clock, JooqJobQueue.channelFor(config.schema()));
        this.requestJobs = new TraceStampingJobQueue(jobs, telemetry.openTelemetry());
        this.events = new JooqEventLog(transactions, JooqEventLog.channelFor(config.schema()));
        this.vault = new JooqCredentialVault(transactions, cipher);
        this.users = new JooqDatabaseUsers(transactions, cipher);
        this.userPasswords = new UserPasswords(vault, users);
        this.idempotency = new JooqIdempotencyStore(transactions);
        this.teams = new JooqTeams(transactions);
        this.plans = new JooqPlans(transactions);
        this.admissionSettings = config.admission();
        this.admission = new Admission(teams, plans, new JooqSpending(transactions), admissionSettings, clock);
        this.apiKeys = new JooqApiKeys(transactions, config.apiKeyCacheTtl(), Ticker.systemTicker());
        this.auditLog = new JooqAuditLog(transactions);
        this.revisions = new JooqRevisions(transactions);
        this.usageHistory = new JooqUsageHistory(transactions);
        this.usageRetention = config.usageRetention();
        this.audit = new AuditTrail(auditLog, revisions, ids, clock);
        this.databaseEvents = new DatabaseEvents(events, clock);
        this.clusters = new JooqClusters(transactions);
        this.clusterSecrets = new JooqClusterSecrets(transactions, cipher);
        this.provisioners = provisioners;
        // A provisioner of the tests' own (a lambda) copies with the real copier on the cluster it is given.
        this.copiers = provisioners instanceof Copiers own ? own : new PostgresProvisioners();
        this.snapshots = new JooqSnapshots(transactions);
        this.moves = new JooqMoves(transactions);
        this.backups = new JooqBackups(transactions);
        this.backupEvents = new BackupEvents(events);
        this.backupSchedules = new JooqBackupSchedules(transactions);
        this.snapshotLimit = new SnapshotLimit(config.snapshotsPerDatabase());
        this.userLimit = new UserLimit(config.usersPerDatabase());
        this.backupLimit = new BackupLimit(config.backupsPerDatabase());
        this.drills = config.drills();
        this.defaultBackupPolicy = config.backups().defaultPolicy().orElse(null);
        this.snapshotEvents = new SnapshotEvents(events);
        this.userEvents = new UserEvents(events);
        this.clusterTargets = new ClusterTargets(clusters, clusterSecrets, provisioners);
        this.probeStore = new JooqClusterProbeStore(transactions);
        this.clusterSide = side;
        this.probeSettings = new ProbeSettings(
                config.probes().interval(),
                config.probes().downAfter(),
                config.probes().sizes());
        this.restoreWindow = config.restoreWindow();
        DaapConfig.JobConfig job = config.jobs();
        this.jobSettings = new JobSettings(
                job.maxAttempts(),
                job.lease(),
                job.retryBase(),
                JobSettings.DEFAULTS.retryCap(),
                JobSettings.DEFAULTS.stuckGrace());
    }

    /** What the HTTP adapter serves under {@code /v1/databases} and {@code /v1/operations}. */
    DatabaseUseCases databaseUseCases() {
        return new DatabaseUseCases(
                createDatabase(),
                getDatabase(),
                new ListDatabases(databases),
                new ExportDatabases(transactions, databases),
                new UpdateDatabase(
                        transactions,
                        databases,
                        teams,
                        scheduler(),
                        audit,
                        databaseEvents,
                        clock,
                        plans,
                        admission,
                        storageLimits()),
                new DeleteDatabase(transactions, databases, scheduler(), audit, databaseEvents, clock),
                new RetryDatabase(
                        transactions, databases, scheduler(), jobs, audit, databaseEvents, clock, moves, clusters),
                new GetOperation(jobs, databases, jobSettings, clock, moves),
                new ListOperations(jobs, databases, jobSettings, clock, moves),
                readCredentials(),
                new RotateCredentials(rotateUserCredentials()),
                new Idempotency(idempotency, clock),
                restoreDatabase(),
                new ListRevisions(databases, revisions),
                moveDatabase());
    }

    MoveDatabase moveDatabase() {
        return new MoveDatabase(
                transactions,
                databases,
                clusters,
                moves,
                snapshots,
                backupSide.tools(),
                scheduler(),
                audit,
                databaseEvents,
                ids,
                clock);
    }

    /** What the HTTP adapter serves for authentication, teams, API keys and the audit log. */
    AccessUseCases accessUseCases() {
        return new AccessUseCases(
                new Authenticate(apiKeys, clock),
                new CreateTeam(transactions, teams, audit, clock),
                new GetTeam(teams),
                new ListTeams(teams),
                new CreateApiKey(transactions, teams, apiKeys, audit, ids, clock),
                new ListApiKeys(teams, apiKeys),
                new RevokeApiKey(transactions, apiKeys, audit, clock),
                new ListPlatformKeys(apiKeys),
                new RevokePlatformKey(transactions, apiKeys, audit, clock),
                new ListAuditEvents(auditLog));
    }

    /** What the HTTP adapter serves under {@code /v1/clusters}. */
    ClusterUseCases clusterUseCases() {
        return new ClusterUseCases(
                new RegisterCluster(
                        transactions,
                        clusters,
                        clusterSecrets,
                        provisioners,
                        clusterSide.isolation(),
                        audit,
                        ids,
                        clock),
                new GetCluster(clusters),
                new ListClusters(clusters),
                new UpdateCluster(transactions, clusters, clusterSecrets, databases, provisioners, audit, clock),
                new DeleteCluster(transactions, clusters, clusterSecrets, audit, clock),
                backupSide.tools());
    }

    /** What the HTTP adapter serves under {@code /v1/databases/{id}/snapshots}. */
    SnapshotUseCases snapshotUseCases() {
        return new SnapshotUseCases(
                new TakeSnapshot(
                        transactions,
                        databases,
                        snapshots,
                        snapshotLimit,
                        scheduler(),
                        audit,
                        snapshotEvents,
                        ids,
                        clock),
                new ListSnapshots(databases, snapshots),
                new DeleteSnapshot(transactions, databases, snapshots, scheduler(), audit, snapshotEvents, clock),
                new RestoreSnapshot(
                        transactions,
                        databases,
                        snapshots,
                        snapshotLimit,
                        scheduler(),
                        audit,
                        snapshotEvents,
                        ids,
                        clock));
    }

    /** What the HTTP adapter serves under {@code /v1/databases/{id}/backups} and {@code /v1/backups}. */
    BackupUseCases backupUseCases() {
        return new BackupUseCases(
                new TakeBackup(
                        transactions,
                        databases,
                        clusters,
                        backups,
                        backupSide.tools(),
                        backupLimit,
                        scheduler(),
                        audit,
                        backupEvents,
                        ids,
                        clock),
                new ListBackups(databases, backups),
                new DeleteBackup(transactions, backups, scheduler(), audit, backupEvents, clock),
                new VerifyBackup(transactions, backups, scheduler(), audit, clock));
    }

    /** Where backups go, how they are encrypted, and the client tools that take them. */
    record BackupSide(BackupStore store, BackupCipher cipher, BackupTools tools) implements AutoCloseable {
        /** The configured store, a key derived from DAAP's secret key, and the tools found on this machine. */
        static BackupSide of(DaapConfig config, CredentialCipher cipher) {
            return new BackupSide(
                    config.backups()
                            .s3()
                            .<BackupStore>map(S3BackupStore::open)
                            .orElseGet(
                                    () -> new FolderBackupStore(config.backups().folder())),
                    new ChunkedAesGcm(cipher.derivedKey("backups")),
                    PgClientTools.discover(config.backups().pgBinDirs(), System.getenv("PATH")));
        }

        /** The store's connections (S3's HTTP client); at shutdown, after the workers stopped. */
        @Override
        public void close() throws Exception {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** What DAAP does on the clusters themselves besides provisioning: probe them, close them to PUBLIC. */
    record ClusterSide(ClusterProbe probe, ClusterIsolation isolation) {
        /** On PostgreSQL, each session bounded by the probe timeout; {@code own}: DAAP's login to keep working. */
        static ClusterSide of(DaapConfig config, Optional<PostgresClusterIsolation.OwnLogin> own) {
            Duration timeout = config.probes().timeout();
            return new ClusterSide(new PostgresClusterProbe(timeout), new PostgresClusterIsolation(timeout, own));
        }
    }

    ProbeClusters probeClusters() {
        return new ProbeClusters(
                transactions,
                probeStore,
                clusterSecrets,
                clusterSide.probe(),
                jobs,
                events,
                probeSettings,
                clock,
                storageLimits());
    }

    IsolateClusters isolateClusters() {
        return new IsolateClusters(clusters, clusterSecrets, clusterSide.isolation());
    }

    RegisterDefaultCluster registerDefaultCluster() {
        return new RegisterDefaultCluster(
                transactions, clusters, clusterSecrets, databases, provisioners, audit, ids, clock);
    }

    private StorageLimits storageLimits() {
        return new StorageLimits(
                new JooqQuotaStates(transactions),
                databases,
                databaseEvents,
                audit,
                requestJobs,
                ids,
                jobSettings.maxAttempts(),
                clock);
    }

    private JobScheduler scheduler() {
        return new JobScheduler(requestJobs, jobSettings, ids, clock);
    }

    // One by one: for start-up, the workers, and tests that drive use cases without HTTP.

    CreateDatabase createDatabase() {
        return new CreateDatabase(
                transactions,
                databases,
                clusters,
                snapshots,
                backups,
                scheduler(),
                audit,
                databaseEvents,
                ids,
                clock,
                plans,
                admission,
                defaultBackupPolicy);
    }

    /** What the HTTP adapter serves under {@code /v1/plans}, and a team's quota and budget. */
    PlanUseCases planUseCases() {
        return new PlanUseCases(
                new ListPlans(transactions, plans),
                new GetPlan(transactions, plans),
                new CreatePlan(transactions, plans, audit, clock),
                new UpdatePlan(transactions, plans, audit, clock),
                new DeletePlan(transactions, plans, audit),
                new UpdateTeamLimits(transactions, teams, audit, admissionSettings.currency()),
                admissionSettings.currency());
    }

    GetDatabase getDatabase() {
        return new GetDatabase(databases);
    }

    ReadCredentials readCredentials() {
        return new ReadCredentials(readUserCredentials());
    }

    /** What the HTTP adapter serves under {@code /v1/databases/{id}/users}. */
    UserUseCases userUseCases() {
        return new UserUseCases(
                new CreateUser(
                        transactions,
                        databases,
                        users,
                        userPasswords,
                        passwords,
                        userLimit,
                        scheduler(),
                        audit,
                        userEvents,
                        ids,
                        clock),
                new ListUsers(transactions, databases, users),
                new GetUser(transactions, databases, users),
                new DeleteUser(transactions, databases, users, scheduler(), audit, userEvents, clock),
                readUserCredentials(),
                rotateUserCredentials(),
                new RevokePreviousLogin(transactions, databases, users, scheduler(), audit, clock));
    }

    private ReadUserCredentials readUserCredentials() {
        return new ReadUserCredentials(transactions, databases, users, userPasswords, audit);
    }

    RotateUserCredentials rotateUserCredentials() {
        return new RotateUserCredentials(
                transactions,
                databases,
                users,
                userPasswords,
                passwords,
                clusterTargets,
                scheduler(),
                audit,
                userEvents,
                databaseEvents,
                clock);
    }

    /** The sweep that ends rotations' overlaps once their window has passed. */
    EndExpiredOverlaps endExpiredOverlaps() {
        return new EndExpiredOverlaps(transactions, users, scheduler(), clock);
    }

    BootstrapPlatformAdmin bootstrapPlatformAdmin() {
        return new BootstrapPlatformAdmin(transactions, apiKeys, audit, ids, clock);
    }

    /**
     * The use case of {@code daap admin create-key}, without the rest of the graph: a command needs no provisioner
     * and no secret key.
     */
    static CreatePlatformAdminKeyFromCli createPlatformAdminKeyFromCli(DSLContext dsl, DaapConfig config) {
        Clock clock = Clock.systemUTC();
        var ids = new UuidV7Generator(clock);
        var transactions = new JooqTransactions(dsl);
        return new CreatePlatformAdminKeyFromCli(
                transactions,
                new JooqApiKeys(transactions, config.apiKeyCacheTtl(), Ticker.systemTicker()),
                new AuditTrail(new JooqAuditLog(transactions), new JooqRevisions(transactions), ids, clock),
                ids,
                clock);
    }

    JobRunner jobRunner() {
        Map<JobKind, JobHandler> handlers = new EnumMap<>(JobKind.class);
        handlers.put(
                JobKind.PROVISION,
                new ProvisionDatabase(
                        transactions,
                        databases,
                        jobs,
                        events,
                        vault,
                        clusterTargets,
                        passwords,
                        snapshots,
                        copiers,
                        backups,
                        new BackupRestorer(
                                backups, backupSide.store(), backupSide.cipher(), backupSide.tools(), clusterTargets),
                        users,
                        ids,
                        clock,
                        plans));
        handlers.put(JobKind.DEPROVISION, purgeDatabase());
        handlers.put(
                JobKind.DEACTIVATE,
                new DeactivateDatabase(
                        transactions,
                        databases,
                        jobs,
                        events,
                        clusterTargets,
                        new ClonesInFlight(snapshots, databases),
                        restoreWindow,
                        clock));
        handlers.put(
                JobKind.RESTORE,
                new ReactivateDatabase(transactions, databases, jobs, events, clusterTargets, users, clock));
        handlers.put(JobKind.PURGE, purgeDatabase());
        handlers.put(
                JobKind.SNAPSHOT,
                new MakeSnapshot(
                        transactions,
                        databases,
                        snapshots,
                        jobs,
                        clusterTargets,
                        copiers,
                        clusters,
                        snapshotEvents,
                        clock));
        handlers.put(
                JobKind.SNAPSHOT_DELETE,
                new DropSnapshot(
                        transactions, snapshots, jobs, clusterTargets, copiers, clusters, snapshotEvents, clock));
        handlers.put(
                JobKind.SNAPSHOT_RESTORE,
                new RestoreFromSnapshot(
                        transactions,
                        databases,
                        snapshots,
                        jobs,
                        clusterTargets,
                        copiers,
                        clusters,
                        snapshotEvents,
                        clock));
        handlers.put(JobKind.SET_UP_ACCESS, new SetUpAccess(transactions, databases, jobs, clusterTargets));
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
                        clusterTargets,
                        clusters,
                        backupSide.tools(),
                        plans,
                        new ClonesInFlight(snapshots, databases),
                        ids,
                        restoreWindow,
                        clock));
        handlers.put(JobKind.APPLY_PLAN, new ApplyPlan(transactions, databases, plans, jobs, clusterTargets));
        handlers.put(
                JobKind.BACKUP,
                new MakeBackup(
                        transactions,
                        databases,
                        backups,
                        jobs,
                        clusterTargets,
                        clusters,
                        backupSide.tools(),
                        new PostgresTableCensus(),
                        new BackupWriter(backupSide.store(), backupSide.cipher()),
                        backupEvents,
                        clock));
        handlers.put(
                JobKind.BACKUP_DELETE,
                new DropBackup(transactions, backups, jobs, backupSide.store(), backupEvents, clock));
        handlers.put(
                JobKind.USER_CREATE,
                new CreateUserLogin(
                        transactions, databases, users, userPasswords, jobs, clusterTargets, userEvents, clock));
        handlers.put(
                JobKind.USER_DELETE,
                new DropUserLogins(transactions, databases, users, jobs, clusterTargets, userEvents, clock));
        handlers.put(
                JobKind.USER_END_PREVIOUS,
                new EndPreviousLogin(transactions, databases, users, jobs, clusterTargets, userEvents, clock));
        handlers.put(
                JobKind.BACKUP_DRILL,
                new DrillBackup(
                        transactions,
                        backups,
                        jobs,
                        clusterTargets,
                        backupRestorer(),
                        new PostgresTableCensus(),
                        passwords,
                        backupEvents,
                        clock));
        handlers.put(
                JobKind.USERS_ROTATE_AFTER_MOVE,
                new RotateUsersAfterMove(transactions, databases, users, jobs, rotateUserCredentials()));
        var metrics = new JobMetrics(telemetry.registry());
        handlers.replaceAll((kind, handler) -> observed(kind, handler, metrics)); // every job traced and measured
        return new JobRunner(
                transactions, jobs, handlers, jobSettings, new ClusterWaits(databases, clusters, jobSettings), clock);
    }

    private BackupRestorer backupRestorer() {
        return new BackupRestorer(backups, backupSide.store(), backupSide.cipher(), backupSide.tools(), clusterTargets);
    }

    private PurgeDatabase purgeDatabase() {
        return new PurgeDatabase(
                transactions,
                databases,
                jobs,
                events,
                vault,
                users,
                clusterTargets,
                clusters,
                new SnapshotsOfDatabase(snapshots, clusterTargets, copiers, clusters, snapshotEvents, clock),
                new ClonesInFlight(snapshots, databases),
                clock);
    }

    /** The restore drills DAAP runs by itself on a sample of backups (only when drills are on). */
    ScheduleRestoreDrills scheduleRestoreDrills() {
        return new ScheduleRestoreDrills(
                transactions,
                new JooqPeriodicRuns(transactions),
                backups,
                scheduler(),
                drills.interval(),
                drills.sample(),
                clock);
    }

    /** The rollup that keeps the usage history bounded, once per interval across instances. */
    RollUpUsage rollUpUsage() {
        return new RollUpUsage(transactions, new JooqPeriodicRuns(transactions), usageHistory, usageRetention, clock);
    }

    /** What the HTTP adapter serves under {@code /v1/teams/{slug}/costs} and {@code /v1/costs}. */
    CostUseCases costUseCases() {
        var sources = new JooqCostSources(transactions);
        return new CostUseCases(
                new GetTeamCosts(teams, plans, sources, clock),
                new GetPlatformCosts(plans, sources, clock),
                admissionSettings.currency(),
                clock);
    }

    /** What the HTTP adapter serves under {@code /v1/databases/{id}/usage} and {@code /v1/teams/{slug}/usage}. */
    UsageUseCases usageUseCases() {
        return new UsageUseCases(
                new GetDatabaseUsage(databases, usageHistory), new GetTeamUsage(teams, usageHistory), clock);
    }

    /** The sweep that takes due scheduled backups and deletes those past retention. */
    ScheduleBackups scheduleBackups() {
        return new ScheduleBackups(
                transactions,
                backupSchedules,
                databases,
                clusters,
                backups,
                backupSide.tools(),
                scheduler(),
                backupEvents,
                ids,
                clock);
    }

    /** The sweep that purges deleted databases past their restore window. */
    PurgeExpiredDatabases purgeExpiredDatabases() {
        return new PurgeExpiredDatabases(transactions, databases, scheduler(), audit, databaseEvents, clock);
    }

    RestoreDatabase restoreDatabase() {
        return new RestoreDatabase(
                transactions, databases, scheduler(), audit, databaseEvents, clock, plans, admission);
    }

    private JobHandler observed(JobKind kind, JobHandler handler, JobMetrics metrics) {
        return new ObservedJobHandler(kind, handler, telemetry.openTelemetry(), metrics, clock);
    }
}
