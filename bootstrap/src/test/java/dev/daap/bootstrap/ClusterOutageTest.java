package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.cluster.PostgresClusterProbe;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.cluster.ProbeOutcome;
import dev.daap.application.cluster.RegisterClusterCommand;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.error.NoCapacityException;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobState;
import dev.daap.migrations.Migrator;
import dev.daap.testing.FakeClusterIsolation;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster that stops mid-run and comes back, on real servers: {@code steady}, the shared PostgreSQL 17, and
 * {@code flaky}, a Debian PostgreSQL 15 that the test stops and starts on its port. DAAP's use cases run as the
 * server wires them, on a clock the test moves: the probe task and the job workers are called directly, so each
 * step happens when the test says and nothing waits for time to pass.
 */
class ClusterOutageTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private static final TestPostgres postgres = TestPostgres.shared();
    private final TestClock clock = TestClock.at(Instant.now());
    private DebianPostgres flakyServer;
    private Wiring wiring;
    private DSLContext dsl;
    private DaapConfig config;
    private Duration interval;

    @BeforeEach
    void twoClusters() throws Exception {
        flakyServer = DebianPostgres.start();
        DataSource metadata = postgres.dataSource(postgres.createDatabase("outage"));
        new Migrator(metadata, "daap").up();
        dsl = JooqFactory.create(metadata, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        // A stopped server refuses at once, so a long timeout costs nothing; a short one (2 s) let the sizes of a
        // loaded VM (load average 15, 2026-12-03) run past it, and the probe then kept no sizes.
        config = DaapConfig.fromEnvironment(
                Map.of("DAAP_JOB_MAX_ATTEMPTS", "2", "DAAP_JOB_RETRY_BASE", "1s", "DAAP_CLUSTER_PROBE_TIMEOUT", "10s"));
        interval = config.probes().interval();
        wiring = new Wiring(dsl, config, new CredentialCipher(new byte[32]), new PostgresProvisioners(), clock);
        register("steady", postgresAdmin());
        register("flaky", AdminUrl.parse(flakyServer.databaseUrl()));
    }

    @AfterEach
    void stopFlaky() throws Exception {
        flakyServer.close();
    }

    @Test
    void aStoppedClusterIsDownAfterThreeProbesItsJobsWaitAndFinishOnceItAnswersAgain() throws Exception {
        Database before = created("before", "flaky");
        runJobs();
        assertThat(status(before)).isEqualTo(DatabaseStatus.READY);
        clock.advance(interval); // registration set each cluster's first probe at the database's now
        assertThat(probeRound())
                .hasSize(2)
                .allSatisfy(outcome -> assertThat(outcome.after().isUp()).isTrue());

        flakyServer.stop();
        Database waiting = created("waiting", "flaky"); // placed while the probes still say up
        wiring.databaseUseCases().delete().execute(ADMIN, before.id(), VersionPrecondition.ANY, false);
        runJobs();
        Job unreachable = operation(waiting);
        assertThat(unreachable.state()).isEqualTo(JobState.SCHEDULED);
        assertThat(unreachable.attempts()).isZero();
        assertThat(unreachable.lastError())
                .startsWith("cannot reach the target cluster at 127.0.0.1:")
                .contains("the operation waits for the cluster and goes on when it answers");

        for (int probe = 1; probe <= 3; probe++) {
            clock.advance(interval);
            ProbeOutcome flaky = outcomeOf("flaky", probeRound());
            assertThat(flaky.after().consecutiveFailures()).isEqualTo(probe);
            assertThat(flaky.after().status())
                    .as("after probe " + probe)
                    .isEqualTo(probe < 3 ? HealthStatus.UP : HealthStatus.DOWN);
            assertThat(flaky.after().error()).startsWith("cannot reach the cluster at 127.0.0.1:");
        }
        assertThat(awaitHealthEvents(1)).singleElement().satisfies(event -> {
            assertThat(event.team()).isNull();
            assertThat(event.payload()).containsEntry("name", "flaky").containsEntry("from", "up");
            assertThat(event.payload()).containsEntry("to", "down").containsEntry("consecutive_failures", 3L);
        });

        Database elsewhere = created("elsewhere", null);
        assertThat(elsewhere.cluster().name().value())
                .as("placement skips a cluster that is down")
                .isEqualTo("steady");
        assertThatThrownBy(() -> created("nowhere", "flaky"))
                .isInstanceOf(NoCapacityException.class)
                .satisfies(error -> assertThat(((NoCapacityException) error).candidates())
                        .singleElement()
                        .satisfies(candidate -> assertThat(candidate.reason()).isEqualTo("down")));

        for (int round = 0; round < 4; round++) { // twice as many rounds as the jobs have attempts
            clock.advance(Duration.ofMinutes(10));
            runJobs();
        }
        assertThat(status(elsewhere)).isEqualTo(DatabaseStatus.READY);
        for (Database onFlaky : List.of(waiting, before)) {
            Job job = operation(onFlaky);
            assertThat(job.state()).isEqualTo(JobState.SCHEDULED);
            assertThat(job.attempts()).as("waiting used no attempt").isZero();
            assertThat(job.lastError()).startsWith("cluster flaky is down: its last 3 probes got no answer");
        }

        flakyServer.startAgain();
        clock.advance(interval);
        assertThat(outcomeOf("flaky", probeRound()).after().status()).isEqualTo(HealthStatus.UP);
        assertThat(awaitHealthEvents(2).getLast().payload())
                .containsEntry("from", "down")
                .containsEntry("to", "up");

        runJobs(); // the probe that saw it answer made the waiting jobs due: no clock moves here
        assertThat(status(waiting)).isEqualTo(DatabaseStatus.READY);
        assertThat(operation(waiting).attempts()).isEqualTo(1);
        assertThat(wiring.databases.findIncludingDeleted(before.id()))
                .get()
                .extracting(Database::status)
                .isEqualTo(DatabaseStatus.DELETED);

        wiring.databaseUseCases().delete().execute(ADMIN, elsewhere.id(), VersionPrecondition.ANY, true);
        runJobs(); // purged: leaves the shared server as it was
        assertThat(wiring.databases.findIncludingDeleted(elsewhere.id()))
                .get()
                .extracting(Database::status)
                .isEqualTo(DatabaseStatus.PURGED);
    }

    @Test
    void theProbeFillsTheSizeOfEachDatabaseAndOfItsCluster() {
        Database orders = created("orders", "flaky");
        Database carts = created("carts", "flaky");
        runJobs();

        clock.advance(interval);
        probeRound();

        long ordersBytes = storageBytes(orders);
        long cartsBytes = storageBytes(carts);
        assertThat(ordersBytes).as("an empty database takes some megabytes").isGreaterThan(1_000_000L);
        assertThat(cartsBytes).isGreaterThan(1_000_000L);
        assertThat(cluster("flaky").fill().storageBytes()).isEqualTo(ordersBytes + cartsBytes);
        assertThat(cluster("flaky").health().latencyMs()).isNotNull();
    }

    @Test
    void aClusterWhoseSizesTakeTooLongToMeasureStaysUpWithItsFillAsLastMeasured() {
        Database orders = created("orders", "flaky");
        runJobs();
        clock.advance(interval);
        probeRound();
        long measured = storageBytes(orders);
        var slowSizes = new Wiring(
                dsl,
                config,
                new CredentialCipher(new byte[32]),
                new PostgresProvisioners(),
                new Wiring.ClusterSide(
                        (adminUrl, slice) -> {
                            ProbeReading full = new PostgresClusterProbe(Duration.ofSeconds(2)).probe(adminUrl, slice);
                            return new ProbeReading(
                                    full.serverVersion(),
                                    full.connections(),
                                    full.maxConnections(),
                                    List.of(),
                                    full.publicConnectDatabases(),
                                    full.took(),
                                    false);
                        },
                        new FakeClusterIsolation()),
                clock);

        for (int probe = 0; probe < 4; probe++) { // more than it takes to be down
            clock.advance(interval);
            assertThat(outcomeOf("flaky", slowSizes.probeClusters().runRound())
                            .after()
                            .status())
                    .isEqualTo(HealthStatus.UP);
        }
        assertThat(storageBytes(orders)).isEqualTo(measured);
        assertThat(cluster("flaky").fill().storageBytes()).isEqualTo(measured);
    }

    private List<ProbeOutcome> probeRound() {
        return wiring.probeClusters().runRound();
    }

    private static ProbeOutcome outcomeOf(String cluster, List<ProbeOutcome> outcomes) {
        return outcomes.stream()
                .filter(outcome -> outcome.cluster().value().equals(cluster))
                .findFirst()
                .orElseThrow(() -> new AssertionError("cluster " + cluster + " was not probed: " + outcomes));
    }

    /** Runs every job that is due now, as the workers would. */
    private void runJobs() {
        var runner = wiring.jobRunner();
        while (runner.runNext("worker")) {
            // next
        }
    }

    private List<Event> awaitHealthEvents(int count) {
        var filter = new EventFilter(Optional.empty(), Set.of(EventType.CLUSTER_HEALTH_CHANGED), Optional.empty());
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> wiring.events.publishedAfter(EventPosition.ORIGIN, filter, 10),
                        events -> events.size() >= count);
    }

    private Database created(String name, String cluster) {
        return wiring.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of(
                                name,
                                "platform",
                                "outage test",
                                null,
                                new CreateDatabaseCommand.Placement(null, null, cluster)));
    }

    private DatabaseStatus status(Database database) {
        return wiring.getDatabase().execute(ADMIN.principal(), database.id()).status();
    }

    private long storageBytes(Database database) {
        Long bytes =
                wiring.getDatabase().execute(ADMIN.principal(), database.id()).storageBytes();
        assertThat(bytes).as("measured").isNotNull();
        return bytes;
    }

    private Job operation(Database database) {
        UUID latest = wiring.databases
                .findIncludingDeleted(database.id())
                .orElseThrow()
                .latestOperationId();
        return wiring.jobs.find(latest).orElseThrow();
    }

    private Cluster cluster(String name) {
        return wiring.clusters.findByName(new ClusterName(name)).orElseThrow();
    }

    private void register(String name, AdminUrl adminUrl) {
        wiring.clusterUseCases()
                .register()
                .execute(ADMIN, new RegisterClusterCommand(new ClusterName(name), adminUrl, ClusterSettings.DEFAULTS));
    }

    private static AdminUrl postgresAdmin() {
        return new AdminUrl(
                postgres.host(), postgres.port(), "postgres", postgres.user(), postgres.password(), Map.of());
    }
}
