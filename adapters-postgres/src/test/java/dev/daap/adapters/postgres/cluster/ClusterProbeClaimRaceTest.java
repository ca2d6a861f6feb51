package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.cluster.DueProbe;
import dev.daap.domain.common.Labels;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.Gate;
import dev.daap.testing.LockWaiters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Several instances claiming probes at once, each with its own transactions, on a database of its own (claims
 * must commit to be seen by the other instance). One test at a time: a lock one holds would be waited on by the
 * other's claims.
 */
@Execution(ExecutionMode.SAME_THREAD)
class ClusterProbeClaimRaceTest {
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static DataSource dataSource;
    private static DSLContext dsl;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabase.ofItsOwn("probe_claim_race");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
    }

    @Test
    void aClaimThatWaitsForAnotherInstancesClaimFindsTheClusterNoLongerDue() throws Exception {
        Instant now = Instant.parse("2002-01-01T00:00:00Z");
        ClusterId cluster = clusters(1, now).getFirst();
        var first = new JooqTransactions(dsl);
        var second = new JooqTransactions(dsl);
        var firstHolds = new Gate();

        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            Future<List<DueProbe>> firstClaim = instances.submit(() -> first.inTransaction(() -> {
                List<DueProbe> claimed = new JooqClusterProbeStore(first).claimDue(now, INTERVAL);
                firstHolds.hold();
                return claimed;
            }));
            firstHolds.awaitReached();
            Future<List<DueProbe>> secondClaim = instances.submit(
                    () -> second.inTransaction(() -> new JooqClusterProbeStore(second).claimDue(now, INTERVAL)));
            await("the second claim waiting on the row the first claimed")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> secondClaim.isDone() || LockWaiters.onRows(dataSource) == 1);
            assertThat(secondClaim.isDone()).as("the second claim waits").isFalse();
            firstHolds.open();

            assertThat(firstClaim.get(10, TimeUnit.SECONDS))
                    .extracting(DueProbe::id)
                    .contains(cluster);
            assertThat(secondClaim.get(10, TimeUnit.SECONDS))
                    .extracting(DueProbe::id)
                    .doesNotContain(cluster);
        }
    }

    @Test
    void twoInstancesClaimingEveryTickProbeEachClusterOncePerInterval() throws Exception {
        Instant start = Instant.parse("2003-01-01T00:00:00Z");
        List<ClusterId> clusters = clusters(8, start);
        int ticks = 20;
        var barrier = new CyclicBarrier(2);
        List<Map<ClusterId, Integer>> claimsPerTick = new ArrayList<>();
        for (int tick = 0; tick < ticks; tick++) {
            claimsPerTick.add(new HashMap<>());
        }

        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                var transactions = new JooqTransactions(dsl);
                var store = new JooqClusterProbeStore(transactions);
                running.add(instances.submit(() -> {
                    for (int tick = 0; tick < ticks; tick++) {
                        Instant now = start.plus(INTERVAL.multipliedBy(tick));
                        barrier.await(10, TimeUnit.SECONDS);
                        List<DueProbe> claimed = transactions.inTransaction(() -> store.claimDue(now, INTERVAL));
                        Map<ClusterId, Integer> counts = claimsPerTick.get(tick);
                        synchronized (counts) {
                            claimed.stream()
                                    .filter(probe -> clusters.contains(probe.id())) // not the other test's
                                    .forEach(probe -> counts.merge(probe.id(), 1, Integer::sum));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> instance : running) {
                instance.get(60, TimeUnit.SECONDS);
            }
        }

        for (int tick = 0; tick < ticks; tick++) {
            Map<ClusterId, Integer> counts = claimsPerTick.get(tick);
            assertThat(counts).as("tick " + tick).containsOnlyKeys(clusters);
            assertThat(counts.values()).as("tick " + tick).containsOnly(1);
        }
    }

    @Test
    void aProbeRecordingSizesAndAJobGivingBackAPlaceNeverWaitForEachOtherInACircle() throws Exception {
        ClusterId cluster = clusters(1, Instant.parse("2004-01-01T00:00:00Z")).getFirst();
        var clusterRef = new ClusterRef(cluster, new ClusterName("unused")); // the name is not read back here
        MigratedDatabase.teamsExist(dsl, new TeamSlug("race"));
        Database leaving = Database.requested(
                        new DatabaseId(UUID.randomUUID()),
                        new DatabaseName("leaving-" + cluster.value().toString().substring(0, 8)),
                        new TeamSlug("race"),
                        new Purpose("deadlock test"),
                        Labels.NONE,
                        Instant.now())
                .placedOn(
                        clusterRef,
                        new NameOnCluster(
                                "race_leaving_" + cluster.value().toString().substring(0, 8)))
                .startPurging(UUID.randomUUID(), Instant.now());
        var job = new JooqTransactions(dsl);
        var probe = new JooqTransactions(dsl);
        job.inTransaction(() -> {
            new JooqDatabases(job).add(leaving);
            return null;
        });
        var jobHoldsTheDatabase = new Gate();

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // A purge's last transaction: the database's row, then the cluster's count.
            Future<?> deprovision = threads.submit(() -> job.inTransaction(() -> {
                new JooqDatabases(job).update(leaving.purged(Instant.now()), leaving.version());
                jobHoldsTheDatabase.hold();
                new JooqClusters(job).releasePlace(cluster);
                return null;
            }));
            jobHoldsTheDatabase.awaitReached();
            Future<?> recording = threads.submit(() -> probe.inTransaction(() -> {
                new JooqClusterProbeStore(probe)
                        .recordReading(
                                cluster,
                                ClusterHealth.up(Instant.now(), "17.6", 3),
                                List.of(DatabaseSeen.measured(
                                        leaving.nameOnCluster().value(), 8_000_000L)),
                                Instant.now());
                return null;
            }));
            await("the probe waiting for the database's row")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> recording.isDone() || LockWaiters.onRows(dataSource) == 1);
            jobHoldsTheDatabase.open();

            deprovision.get(10, TimeUnit.SECONDS); // a deadlock would fail one of the two
            recording.get(10, TimeUnit.SECONDS);
        }
    }

    private static List<ClusterId> clusters(int count, Instant nextProbeAt) {
        List<ClusterId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            MigratedDatabase.clustersExist(
                    dsl,
                    new ClusterRef(
                            new ClusterId(id),
                            new ClusterName("race-" + id.toString().substring(0, 8))));
            dsl.update(CLUSTERS)
                    .set(CLUSTERS.NEXT_PROBE_AT, nextProbeAt)
                    .where(CLUSTERS.ID.eq(id))
                    .execute();
            ids.add(new ClusterId(id));
        }
        return ids;
    }
}
