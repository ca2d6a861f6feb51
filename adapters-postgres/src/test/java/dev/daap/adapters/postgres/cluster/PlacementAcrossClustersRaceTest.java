package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.CLUSTER_DATABASE_SIZES;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.PlacementRequest;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Creates racing for a place while a probe records sizes on several clusters: each create and the probe in a
 * transaction of its own that commits, on a database of its own. bench/fleet (8 clients, 6 clusters, probes every
 * 5 s; 2026-12-03) got PostgreSQL's {@code deadlock detected} from placement, which the one-cluster race never showed:
 * the probe's row in cluster_database_sizes key-share locks the cluster's row (its foreign key), so after a create
 * changes that row, later creates that waited for it see a row still held (TM_BeingModified) instead of one already
 * changed. When placement locked the chosen row twice (a FOR NO KEY UPDATE subquery, then the UPDATE), the first
 * waiter's UPDATE went back to the row version it had waited on and needed its tuple lock, which the second waiter
 * held while it waited for the first: a circle. This test builds that interleaving step by step (gates and the
 * lock waits PostgreSQL reports, no timing): on the placement before 6619cb4 one create fails with
 * {@code deadlock detected} every time.
 */
class PlacementAcrossClustersRaceTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final TeamSlug TEAM = new TeamSlug("fleet-race");

    private static DataSource dataSource;
    private static DSLContext dsl;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabase.ofItsOwn("placement_race");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        MigratedDatabase.teamsExist(dsl, TEAM);
    }

    @Test
    void createsQueuedBehindAnotherWhileAProbeRecordsSizesAllTakeTheirPlaceAndEachIsCounted() throws Exception {
        List<ClusterRef> clusters = Stream.of("fleet-a", "fleet-b", "fleet-c")
                .map(PlacementAcrossClustersRaceTest::upCluster)
                .toList();
        ClusterRef leastFull = clusters.getFirst(); // all empty: the first by name
        var probe = new JooqTransactions(dsl);
        var probeHolds = new Gate();
        var firstHolds = new Gate();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            Future<?> recording = threads.submit(() -> probe.inTransaction(() -> {
                recordSize(probe, leastFull);
                probeHolds.hold();
                return null;
            }));
            probeHolds.awaitReached();
            Future<ClusterRef> first = threads.submit(() -> create("first", firstHolds));
            firstHolds.awaitReached();
            Future<ClusterRef> second = threads.submit(() -> create("second", null));
            awaitRowWaiters(1, second);
            Future<ClusterRef> third = threads.submit(() -> create("third", null));
            awaitRowWaiters(2, third);

            firstHolds.open();
            await("both waiting creates done").atMost(WITHIN).until(() -> second.isDone() && third.isDone());
            probeHolds.open();

            assertThat(List.of(
                            first.get(10, TimeUnit.SECONDS),
                            second.get(10, TimeUnit.SECONDS),
                            third.get(10, TimeUnit.SECONDS)))
                    .as("each create placed on the least full cluster, none failed")
                    .containsOnly(leastFull);
            recording.get(10, TimeUnit.SECONDS);
        }

        Map<UUID, Integer> counted = dsl.select(CLUSTERS.ID, CLUSTERS.DATABASE_COUNT)
                .from(CLUSTERS)
                .fetchMap(CLUSTERS.ID, CLUSTERS.DATABASE_COUNT);
        Map<UUID, Integer> placed = dsl.select(DATABASES.CLUSTER_ID, DSL.count())
                .from(DATABASES)
                .groupBy(DATABASES.CLUSTER_ID)
                .fetchMap(DATABASES.CLUSTER_ID, DSL.count());
        assertThat(counted)
                .as("every place taken is counted on its cluster, and only those")
                .containsExactlyInAnyOrderEntriesOf(clusters.stream()
                        .collect(Collectors.toMap(
                                cluster -> cluster.id().value(),
                                cluster -> placed.getOrDefault(cluster.id().value(), 0))));
        assertThat(counted.get(leastFull.id().value())).isEqualTo(3);
    }

    /** A create as CreateDatabase does it, in a transaction of its own; held before its commit if a gate is given. */
    private static ClusterRef create(String name, Gate beforeCommit) {
        var transactions = new JooqTransactions(dsl);
        return transactions.inTransaction(() -> {
            ClusterRef place = new JooqClusters(transactions)
                    .takePlace(PlacementRequest.ANYWHERE)
                    .orElseThrow(() -> new AssertionError("no place for " + name));
            new JooqDatabases(transactions).add(database(name, place));
            if (beforeCommit != null) {
                beforeCommit.hold();
            }
            return place;
        });
    }

    /** The probe's first write (JooqClusterProbeStore.recordReading): a size, whose foreign key locks the cluster. */
    private static void recordSize(JooqTransactions probe, ClusterRef cluster) {
        probe.dsl()
                .insertInto(CLUSTER_DATABASE_SIZES)
                .set(CLUSTER_DATABASE_SIZES.CLUSTER_ID, cluster.id().value())
                .set(CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER, "measured")
                .set(CLUSTER_DATABASE_SIZES.SIZE_BYTES, 8_000_000L)
                .set(CLUSTER_DATABASE_SIZES.MEASURED_AT, Instant.now())
                .execute();
    }

    private static void awaitRowWaiters(int count, Future<?> latest) {
        await(count + " creates waiting for the cluster's row")
                .atMost(WITHIN)
                .until(() -> latest.isDone() || LockWaiters.onRows(dataSource) == count);
        assertThat(latest.isDone()).as("the create waits").isFalse();
    }

    private static Database database(String name, ClusterRef place) {
        return Database.requested(
                        new DatabaseId(UUID.randomUUID()),
                        new DatabaseName(name),
                        TEAM,
                        new Purpose("placement race"),
                        Labels.NONE,
                        Instant.now())
                .placedOn(place, new NameOnCluster("fleet_race_" + name));
    }

    /** A cluster that fits any request: active, up, without limits. */
    private static ClusterRef upCluster(String name) {
        var cluster = new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName(name));
        MigratedDatabase.clustersExist(dsl, cluster);
        dsl.update(CLUSTERS)
                .set(CLUSTERS.HEALTH_STATUS, "up")
                .where(CLUSTERS.ID.eq(cluster.id().value()))
                .execute();
        return cluster;
    }
}
