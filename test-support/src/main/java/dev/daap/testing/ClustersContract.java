package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.cluster.AdminAddress;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterChanges;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterLimits;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.cluster.Placement;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.Labels;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.error.ConcurrentChangeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link Clusters} port keeps; the in-memory fake and the PostgreSQL adapter
 * both extend this class. Each test uses cluster names of its own, so it also passes on a shared database, in
 * parallel, inside a transaction that is rolled back afterwards. Calls expected to fail run through
 * {@link #inTransaction}, as in {@link DatabasesContract}.
 */
public abstract class ClustersContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    protected abstract Clusters clusters();

    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void aRegisteredClusterIsFoundWithEveryFieldByIdAndName() {
        Cluster cluster = Cluster.registered(
                new ClusterId(UUID.randomUUID()),
                name("eu"),
                new ClusterSettings(
                        new Region("eu-west-1"),
                        new Labels(Map.of("tier", "gold")),
                        new ClusterLimits(10L, 1_000_000L),
                        new ClientEndpoint("pg.example.com", 6432, SslMode.VERIFY_FULL)),
                new AdminAddress("10.0.0.5", 5432),
                ClusterHealth.up(T0, "17.6", 12),
                T0);

        clusters().add(cluster);

        assertThat(clusters().find(cluster.id())).contains(cluster);
        assertThat(clusters().findByName(cluster.name())).contains(cluster);
        assertThat(clusters().lockByName(cluster.name())).contains(cluster);
        assertThat(clusters().list()).contains(cluster);
        assertThat(clusters().anyRegistered()).isTrue();
    }

    @Test
    void aSecondLiveClusterOfTheSameNameIsRefusedAndADeletedOnesNameIsFree() {
        Cluster first = add("dup");
        Cluster again = cluster("dup", ClusterLimits.NONE);

        assertThatThrownBy(() -> inTransaction(() -> clusters().add(again))).isInstanceOf(ClusterTakenException.class);

        clusters().update(first.deleted(T0.plusSeconds(1)), first.version());
        assertThat(clusters().find(first.id())).isEmpty();
        assertThat(clusters().findByName(first.name())).isEmpty();
        assertThat(clusters().list()).doesNotContain(first);
        clusters().add(again);
        assertThat(clusters().findByName(first.name())).contains(again);
    }

    @Test
    void anUpdateNeedsTheVersionItReadAndLeavesHealthAndFillAlone() {
        Cluster stored = add("upd");
        assertThat(placeOn(stored)).isPresent();
        ClusterHealth measured =
                new ClusterHealth(HealthStatus.UP, T0.plusSeconds(5), "17.6", 3, 12, 100, null, 0, List.of("legacy"));
        clusters().recordHealth(stored.id(), measured);

        Cluster cordoned = stored.change(
                new ClusterChanges(
                        Optional.of(Optional.empty()),
                        Optional.of(new Labels(Map.of("a", "b"))),
                        Optional.of(ClusterState.CORDONED),
                        Optional.of(new ClusterLimits(null, 5L)),
                        Optional.of(new ClientEndpoint(null, 5433, SslMode.REQUIRE)),
                        Optional.of(new AdminAddress("10.0.0.6", 5432))),
                T0.plusSeconds(10));
        clusters().update(cordoned, stored.version());

        Cluster read = clusters().find(stored.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.state()).isEqualTo(ClusterState.CORDONED);
        assertThat(read.region()).isNull();
        assertThat(read.labels()).isEqualTo(new Labels(Map.of("a", "b")));
        assertThat(read.limits()).isEqualTo(new ClusterLimits(null, 5L));
        assertThat(read.endpoint()).isEqualTo(new ClientEndpoint(null, 5433, SslMode.REQUIRE));
        assertThat(read.adminAddress()).isEqualTo(new AdminAddress("10.0.0.6", 5432));
        assertThat(read.health()).isEqualTo(measured);
        assertThat(read.fill().databaseCount()).isEqualTo(1);
        assertThatThrownBy(() -> inTransaction(() -> clusters().update(cordoned, stored.version())))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void placesAreTakenUpToTheLimitAndGivenBack() {
        Cluster stored = add("lim", new ClusterLimits(2L, null));

        assertThat(placeOn(stored)).contains(stored.ref());
        assertThat(placeOn(stored)).contains(stored.ref());
        assertThat(placeOn(stored)).as("full").isEmpty();
        assertThat(clusters().find(stored.id()).orElseThrow().fill().databaseCount())
                .isEqualTo(2);

        clusters().releasePlace(stored.id());
        assertThat(placeOn(stored)).contains(stored.ref());
        assertThat(clusters().find(stored.id()).orElseThrow().fill().databaseCount())
                .isEqualTo(2);
    }

    @Test
    void noPlaceIsTakenOnACordonedDownOrDeletedCluster() {
        Cluster cordoned = add("cor");
        clusters()
                .update(
                        cordoned.change(
                                new ClusterChanges(null, null, Optional.of(ClusterState.CORDONED), null, null, null),
                                T0),
                        cordoned.version());
        Cluster down = add("down");
        clusters()
                .recordHealth(
                        down.id(),
                        new ClusterHealth(HealthStatus.DOWN, T0, null, null, null, null, "refused", 3, List.of()));
        Cluster deleted = add("del");
        clusters().update(deleted.deleted(T0), deleted.version());

        assertThat(placeOn(cordoned)).isEmpty();
        assertThat(placeOn(down)).isEmpty();
        assertThat(placeOn(deleted)).isEmpty();
        assertThat(clusters().takePlace(PlacementRequest.on(name("nowhere")))).isEmpty();
        assertThat(clusters().find(cordoned.id()).orElseThrow().fill().databaseCount())
                .isZero();
    }

    /**
     * The store ranks in its own way (SQL, for the PostgreSQL adapter) what {@link Placement} ranks in Java: each
     * place goes where {@link Placement#decide} says, through ties on the fraction (by count, then by name, where
     * {@code t-b} sorts before {@code ta} as Java compares them), limits on databases and on storage, and full
     * clusters. Only the clusters carrying this run's label are candidates; a region is no constraint unless asked.
     */
    @Test
    void eachPlaceGoesToTheClusterPlacementRanksFirst() {
        Labels ours = new Labels(Map.of("run", run));
        add("half", ours, null, new ClusterLimits(4L, null));
        add("ta", ours, null, new ClusterLimits(8L, null));
        add("t-b", ours, null, new ClusterLimits(8L, null));
        Cluster stored = add("stored", ours, null, new ClusterLimits(null, 1_000L));
        clusters().changeStorage(stored.id(), 300);
        add("other-region", ours, new Region("eu-west-1"), new ClusterLimits(1L, null));
        add("not-ours", new Labels(Map.of("run", run + "x")), null, ClusterLimits.NONE);
        PlacementRequest request = new PlacementRequest(Optional.empty(), ours, Optional.empty());

        List<ClusterName> expected = new ArrayList<>();
        List<ClusterName> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(Placement.decide(ourClusters(ours), request)
                    .fitting()
                    .getFirst()
                    .name());
            placed.add(clusters().takePlace(request).orElseThrow().name());
        }

        assertThat(placed).isEqualTo(expected);
        assertThat(placed)
                .as("what Placement ranks first, worked out by hand: this test walks through each rule")
                .containsExactly(Stream.of(
                                "half",
                                "other-region",
                                "t-b",
                                "ta",
                                "t-b",
                                "ta",
                                "half",
                                "t-b",
                                "ta",
                                "stored",
                                "stored",
                                "stored")
                        .map(this::name)
                        .toArray(ClusterName[]::new));
    }

    @Test
    void aPlaceIsTakenOnlyWhereTheRegionAndEveryLabelMatch() {
        Labels ours = new Labels(Map.of("run", run, "tier", "gold"));
        add("gold-eu", ours, new Region("eu-west-1"), ClusterLimits.NONE);
        add("gold-us", ours, new Region("us-east-1"), ClusterLimits.NONE);
        add("silver-eu", new Labels(Map.of("run", run, "tier", "silver")), new Region("eu-west-1"), ClusterLimits.NONE);

        assertThat(clusters().takePlace(new PlacementRequest(Optional.of(new Region("eu-west-1")), ours, null)))
                .map(ClusterRef::name)
                .contains(name("gold-eu"));
        assertThat(clusters()
                        .takePlace(new PlacementRequest(
                                Optional.of(new Region("eu-west-1")),
                                new Labels(Map.of("run", run, "tier", "bronze")),
                                null)))
                .isEmpty();
        assertThat(clusters().takePlace(new PlacementRequest(Optional.of(new Region("ap-south-1")), ours, null)))
                .isEmpty();
    }

    /** A move's placement never lands on the cluster it leaves, even where that one ranks first. */
    @Test
    void aPlaceIsNeverTakenOnTheExcludedCluster() {
        Labels ours = new Labels(Map.of("run", run, "tier", "move"));
        add("moving-from", ours, null, ClusterLimits.NONE);
        add("moving-to", ours, null, new ClusterLimits(1L, null));
        PlacementRequest request = new PlacementRequest(null, ours, null).excluding(name("moving-from"));

        assertThat(clusters().takePlace(request)).map(ClusterRef::name).contains(name("moving-to"));
        assertThat(clusters().takePlace(request)).as("moving-to is full now").isEmpty();
        assertThat(clusters().takePlace(PlacementRequest.on(name("moving-from")).excluding(name("moving-from"))))
                .isEmpty();
    }

    private List<Cluster> ourClusters(Labels ours) {
        return clusters().list().stream()
                .filter(cluster -> cluster.labels()
                        .values()
                        .entrySet()
                        .containsAll(ours.values().entrySet()))
                .toList();
    }

    private Optional<ClusterRef> placeOn(Cluster cluster) {
        return clusters().takePlace(PlacementRequest.on(cluster.name()));
    }

    @Test
    void aGivenBackPlaceNeverMakesTheCountNegative() {
        Cluster stored = add("neg");

        clusters().releasePlace(stored.id());

        assertThat(clusters().find(stored.id()).orElseThrow().fill().databaseCount())
                .isZero();
    }

    @Test
    void aSnapshotsSizeCountsTowardsTheStorageAndItsDropGivesItBackNeverBelowZero() {
        Cluster stored = add("sto");

        clusters().changeStorage(stored.id(), 1_000);
        clusters().changeStorage(stored.id(), 500);
        assertThat(clusters().find(stored.id()).orElseThrow().fill().storageBytes())
                .isEqualTo(1_500);

        clusters().changeStorage(stored.id(), -2_000);
        assertThat(clusters().find(stored.id()).orElseThrow().fill().storageBytes())
                .isZero();
    }

    private Cluster add(String prefix) {
        return add(prefix, ClusterLimits.NONE);
    }

    private Cluster add(String prefix, ClusterLimits limits) {
        return add(prefix, null, null, limits);
    }

    private Cluster add(String prefix, Labels labels, Region region, ClusterLimits limits) {
        Cluster cluster = cluster(prefix, labels, region, limits);
        clusters().add(cluster);
        return cluster;
    }

    private Cluster cluster(String prefix, ClusterLimits limits) {
        return cluster(prefix, null, null, limits);
    }

    private Cluster cluster(String prefix, Labels labels, Region region, ClusterLimits limits) {
        return Cluster.registered(
                new ClusterId(UUID.randomUUID()),
                name(prefix),
                new ClusterSettings(region, labels, limits, null),
                new AdminAddress("pg.test", 5432),
                ClusterHealth.up(T0, "17.6", 1),
                T0);
    }

    private ClusterName name(String prefix) {
        return new ClusterName(prefix + "-" + run);
    }
}
