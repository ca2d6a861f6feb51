package dev.daap.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.daap.adapters.http.HttpServer;
import dev.daap.adapters.http.HttpSettings;
import dev.daap.adapters.http.ManagementServer;
import dev.daap.adapters.http.observability.RequestTelemetry;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.PoolSettings;
import dev.daap.adapters.postgres.PostgresPool;
import dev.daap.adapters.postgres.SchemaVersion;
import dev.daap.adapters.postgres.cluster.PostgresClusterIsolation;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.credential.SecretKeyCheck;
import dev.daap.adapters.postgres.credential.SecretKeyMismatchException;
import dev.daap.adapters.postgres.job.JobBacklog;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.cluster.ProbeOutcome;
import dev.daap.bootstrap.observability.ClusterMetrics;
import dev.daap.bootstrap.observability.JobBacklogGauges;
import dev.daap.bootstrap.observability.StoreMetrics;
import dev.daap.bootstrap.observability.Telemetry;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.migrations.MigrationStatus;
import dev.daap.migrations.Migrator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: metadata database → migrations → pool → jOOQ → use cases (see {@link Wiring}) → HTTP
 * and job workers. {@link #close()} shuts down in reverse: stop accepting and drain requests, let workers finish
 * their jobs, close the pool, stop the embedded server.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final Duration KEY_USAGE_FLUSH = Duration.ofSeconds(30);
    private static final Duration PURGE_SWEEP = Duration.ofMinutes(1);
    /** How often an instance looks for due scheduled backups: a slot's backup starts within this of the slot. */
    private static final Duration BACKUP_SWEEP = Duration.ofMinutes(1);
    /** How often an instance asks whether the restore drills' next round is due. */
    private static final Duration DRILL_CHECK = Duration.ofMinutes(1);
    /** How often rotations' overlaps are looked at: a previous login stops within this of its valid_until. */
    private static final Duration OVERLAP_SWEEP = Duration.ofSeconds(5);

    private final MetadataDatabase database;
    private final HikariDataSource pool;
    private final HttpServer http;
    private final Workers workers;
    private final List<PeriodicTask> housekeeping;
    private final LiveEvents events;
    private final ManagementServer management;
    private final Telemetry telemetry;
    private final Wiring.BackupSide backups;

    private Application(
            MetadataDatabase database,
            HikariDataSource pool,
            HttpServer http,
            Workers workers,
            List<PeriodicTask> housekeeping,
            LiveEvents events,
            ManagementServer management,
            Telemetry telemetry,
            Wiring.BackupSide backups) {
        this.backups = backups;
        this.events = events;
        this.management = management;
        this.telemetry = telemetry;
        this.database = database;
        this.pool = pool;
        this.http = http;
        this.workers = workers;
        this.housekeeping = housekeeping;
    }

    public static Application start(DaapConfig config) {
        return start(config, Telemetry.start(config.telemetry()));
    }

    /** With metrics and tracing of the caller's making (tests collect spans in memory); closes it at the end. */
    static Application start(DaapConfig config, Telemetry telemetry) {
        long started = System.nanoTime();
        SecretKeys.SecretKey secretKey;
        MetadataDatabase database;
        try {
            secretKey = secretKey(config); // before anything starts: a bad key fails at once
            database = MetadataDatabase.open(config);
        } catch (RuntimeException e) {
            telemetry.close();
            throw e;
        }
        var resources = new java.util.ArrayList<AutoCloseable>();
        resources.add(telemetry);
        try {
            HikariDataSource pool = PostgresPool.create(poolSettings(config, database.target()), "daap");
            resources.add(pool);
            FirstConnection.await(pool, config.databaseWait()); // a failure is reported by the migrator below
            MigrationStatus migrations = migrate(config, pool);
            if (config.telemetry().metrics()) {
                StoreMetrics.pool(telemetry.registry(), pool);
            }
            DSLContext dsl = JooqFactory.create(telemetry.traced(pool), config.schema());
            Wiring wiring = new Wiring(
                    dsl,
                    config,
                    credentialCipher(secretKey, migrations, dsl),
                    // Traced: the statements on a cluster show in the trace of the job, and so of the create that
                    // asked.
                    new PostgresProvisioners(telemetry::traced),
                    clusterSide(config, pool),
                    Clock.systemUTC(),
                    telemetry);
            resources.add(wiring.backupSide); // closed after the workers, which are added later
            log.info("Backups go to the {}", wiring.backupSide.store().describe());
            StoreMetrics.apiKeyCache(telemetry.registry(), wiring.apiKeys);
            JobBacklogGauges.register(telemetry.registry(), new JobBacklog(wiring.transactions, wiring.clock));
            if (migrations.isCurrent()) {
                registerDefaultCluster(config, database, wiring); // before any create: one cluster at least
                FleetProbe.isolateInTheBackground(wiring.isolateClusters());
            }
            if (migrations.isCurrent() && config.adminToken().isPresent()) {
                adoptConfiguredAdminToken(
                        config, wiring); // before listening: a token that cannot be used stops start-up
            }
            LiveEvents events = LiveEvents.start(config, wiring, database.target(), migrations.isCurrent());
            resources.add(events);
            var schemaVersion = new SchemaVersion(dsl, config.schema());
            var readiness = new DatabaseReadiness(schemaVersion, migrations, config.schema());
            var version = new RunningVersion(
                    BuildInfo.ofThisJar(),
                    schemaVersion,
                    migrations.applied().size() + migrations.pending().size(),
                    dsl,
                    new ClusterVersions(wiring.clusters));
            HttpServer http = new HttpServer(
                    wiring.databaseUseCases(),
                    wiring.accessUseCases(),
                    events.useCases(),
                    wiring.clusterUseCases(),
                    wiring.snapshotUseCases(),
                    wiring.backupUseCases(),
                    wiring.userUseCases(),
                    wiring.planUseCases(),
                    wiring.usageUseCases(),
                    wiring.costUseCases(),
                    readiness,
                    version,
                    new HttpSettings(
                            config.port(),
                            config.listenHost(),
                            config.shutdownTimeout(),
                            HttpSettings.DEFAULT_MAX_REQUEST_BYTES,
                            config.rateLimits()),
                    new RequestTelemetry(telemetry.registry(), telemetry.openTelemetry(), telemetry.accessLog()));
            listen("PORT", config.port(), http::start);
            resources.add(http);
            var management = new ManagementServer(
                    readiness, version, telemetry.scrape(), config.listenHost(), config.managementPort());
            listen(DaapConfig.MANAGEMENT_PORT, config.managementPort(), management::start);
            resources.add(management);
            Workers workers =
                    migrations.isCurrent() ? Workers.start(config, wiring, database.target()) : Workers.none();
            resources.add(workers);
            List<PeriodicTask> housekeeping =
                    migrations.isCurrent() ? housekeeping(config, wiring, telemetry) : List.of();
            resources.addAll(housekeeping);
            if (migrations.isCurrent() && config.adminToken().isEmpty()) {
                generateFirstAdminKey(wiring); // last: a start that fails before it has made and shown no key
            }
            log.info(
                    "DAAP is ready on port {} ({} PostgreSQL, started in {} ms)",
                    http.port(),
                    database.target().kind(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new Application(
                    database, pool, http, workers, housekeeping, events, management, telemetry, wiring.backupSide);
        } catch (RuntimeException e) {
            closeAll(resources);
            database.close();
            throw e;
        }
    }

    /** Without the current schema the tables may be missing; the next start runs these. */
    private static List<PeriodicTask> housekeeping(DaapConfig config, Wiring wiring, Telemetry telemetry) {
        Consumer<List<ProbeOutcome>> fleetMetrics = config.telemetry().metrics()
                ? new ClusterMetrics(telemetry.registry(), wiring.clusters)::afterRound
                : outcomes -> {}; // without metrics, no reading of the fleet for them either
        var tasks = new java.util.ArrayList<PeriodicTask>();
        if (config.drills().enabled()) {
            // Checked often; the sample is drilled once per interval across all instances (PeriodicRuns).
            tasks.add(PeriodicTask.start(
                    "restore-drills",
                    DRILL_CHECK.compareTo(config.drills().interval()) < 0
                            ? DRILL_CHECK
                            : config.drills().interval(),
                    false,
                    () -> wiring.scheduleRestoreDrills().execute()));
        }
        tasks.addAll(List.of(
                IdempotencyPurge.start(wiring.idempotency, wiring.clock, IdempotencyPurge.EVERY),
                EventPurge.start(wiring.events, wiring.clock, config.events().retention(), EventPurge.EVERY),
                // Deleted databases past their restore window: purged within a minute of it.
                PeriodicTask.start(
                        "purge-expired-databases",
                        PURGE_SWEEP,
                        false,
                        () -> wiring.purgeExpiredDatabases().execute()),
                // Scheduled backups: a slot's backup within a minute of its start, once across instances.
                PeriodicTask.start(
                        "scheduled-backups",
                        BACKUP_SWEEP,
                        false,
                        () -> wiring.scheduleBackups().execute()),
                // Previous logins whose overlap has passed: closed within OVERLAP_SWEEP of it.
                PeriodicTask.start(
                        "end-expired-overlaps",
                        OVERLAP_SWEEP,
                        false,
                        () -> wiring.endExpiredOverlaps().execute()),
                // Complete hours of usage samples folded, old hours forgotten: once per interval across instances.
                UsageRollupTask.start(wiring.rollUpUsage()),
                // Last-used times of API keys are kept in memory and written in one statement now and then.
                PeriodicTask.start("api-key-usage", KEY_USAGE_FLUSH, true, wiring.apiKeys::flushUsage),
                FleetProbe.start(wiring.probeClusters(), wiring.probeSettings.interval(), fleetMetrics)));
        return List.copyOf(tasks);
    }

    /** The isolation keeps DAAP's own login working where the metadata database shares a cluster. */
    private static Wiring.ClusterSide clusterSide(DaapConfig config, HikariDataSource pool) {
        return Wiring.ClusterSide.of(config, Optional.of(PostgresClusterIsolation.ownLoginOn(pool)));
    }

    /** DAAP_ADMIN_TOKEN becomes a platform admin key, unless it is one already. */
    private static void adoptConfiguredAdminToken(DaapConfig config, Wiring wiring) {
        try {
            wiring.bootstrapPlatformAdmin().execute(config.adminToken());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(DaapConfig.ADMIN_TOKEN + " cannot be used: " + e.getMessage());
        }
    }

    /**
     * Without DAAP_ADMIN_TOKEN, the first start that succeeds generates a platform admin key, stores it and shows it
     * once, here: in the log, the one place an operator of a fresh installation is sure to look. It comes after
     * everything else has started, so a start that fails (a port in use, say) has shown no key that is then lost;
     * an operator who lost one anyway makes another with `daap admin create-key`.
     */
    private static void generateFirstAdminKey(Wiring wiring) {
        wiring.bootstrapPlatformAdmin()
                .execute(java.util.Optional.empty())
                .ifPresent(token -> log.warn(
                        "Generated the first platform admin API key. It is shown this once and never again; keep it "
                                + "in a secret store:\n\n    {}\n\nUse it as 'Authorization: Bearer <token>'. To choose "
                                + "the token yourself instead, set {}; to make another, run `daap admin create-key`.",
                        token,
                        DaapConfig.ADMIN_TOKEN));
    }

    /** Starts listening; a port another program holds is an operator's problem, said as such. */
    private static void listen(String variable, int port, Runnable start) {
        try {
            start.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) {
                    throw new ConfigException("cannot listen on port " + port + " (" + cause.getMessage()
                            + "): another program uses it; stop that one or set " + variable + " to another port");
                }
            }
            throw e;
        }
    }

    private static SecretKeys.SecretKey secretKey(DaapConfig config) {
        var env =
                config.secretKey().map(key -> Map.of(SecretKeys.VARIABLE, key)).orElse(Map.of());
        return SecretKeys.load(env, config.dataDir());
    }

    /**
     * The cipher for stored passwords, checked against the key that encrypted what is stored. Without the
     * current schema (DAAP_MIGRATE_ON_START=false, changes pending) there is nothing to check yet: the service
     * stays unready, and the next start checks.
     */
    private static CredentialCipher credentialCipher(
            SecretKeys.SecretKey key, MigrationStatus migrations, DSLContext dsl) {
        var cipher = new CredentialCipher(key.bytes());
        if (migrations.isCurrent()) {
            try {
                new SecretKeyCheck(cipher).verify(dsl);
            } catch (SecretKeyMismatchException e) {
                throw SecretKeys.notTheStoredKey(key, e.expectedKeyId());
            }
        }
        return cipher;
    }

    /**
     * The quick start's fleet of one: when no cluster was ever registered, {@code default} is, from
     * PROVISIONER_DATABASE_URL or else the server DAAP itself runs on, with DAAP_ADVERTISED_HOST as the host its
     * clients are told; the databases from before clusters are placed on it. Afterwards the fleet is managed over
     * the API, and these variables are not read again for it.
     */
    private static void registerDefaultCluster(DaapConfig config, MetadataDatabase database, Wiring wiring) {
        if (wiring.clusters.anyRegistered()) {
            return; // without reading the variables, which may no longer name a usable server
        }
        JdbcTarget target = config.provisionerUrl()
                .map(url -> JdbcTarget.of(url, "provisioner"))
                .orElse(database.target());
        var endpoint = new ClientEndpoint(config.network().advertisedHost().orElse(null), null, null);
        wiring.registerDefaultCluster().execute(target.adminUrl(), endpoint);
    }

    private static void closeAll(java.util.List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} after a failed start failed too", resource, e);
            }
        }
    }

    private static MigrationStatus migrate(DaapConfig config, HikariDataSource pool) {
        var migrator = new Migrator(pool, config.schema());
        MigrationStatus status = config.migrateOnStart() ? migrator.applyPending() : migrator.status();
        if (status.isCurrent()) {
            log.info(
                    "Schema {} is current ({} changesets applied)",
                    config.schema(),
                    status.applied().size());
        } else {
            log.warn(
                    "Schema {} has {} pending changeset(s) ({}) and DAAP_MIGRATE_ON_START is false: this instance "
                            + "answers 503 on /health/ready and under /v1, and runs no workers. Run `daap migrate up`, "
                            + "then restart it",
                    config.schema(),
                    status.pending().size(),
                    status.pending());
        }
        return status;
    }

    static PoolSettings poolSettings(DaapConfig config, JdbcTarget target) {
        return new PoolSettings(
                target.jdbcUrl(),
                target.user(),
                target.password(),
                config.maxConnections(),
                config.minConnections(),
                config.maxConnectionLifetime(),
                config.maxConnectionIdleTime(),
                target.driverProperties());
    }

    public int port() {
        return http.port();
    }

    /** Where the metrics and health endpoints answer. */
    public int managementPort() {
        return management.port();
    }

    private void closeBackupStore() {
        try {
            backups.close();
        } catch (Exception e) {
            log.warn("Closing the backup store {} failed", backups.store().describe(), e);
        }
    }

    @Override
    public void close() {
        log.info("Shutting down: draining HTTP requests");
        try {
            events.endStreams(); // open streams would hold the graceful stop for its whole timeout
            http.stop();
            events.close();
            workers.close();
            housekeeping.forEach(PeriodicTask::close);
            closeBackupStore(); // after the workers: none streams a backup any more
            management.close(); // late: metrics and health answer while the rest drains
        } finally {
            try {
                pool.close();
            } finally {
                database.close();
                telemetry.close(); // last: sends the spans of the shutdown too
                log.info("DAAP stopped");
            }
        }
    }
}
