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
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.Labels;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.error.ConcurrentChangeException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        assertThat(clusters().reservePlace(stored.id())).isTrue();
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

        assertThat(clusters().reservePlace(stored.id())).isTrue();
        assertThat(clusters().reservePlace(stored.id())).isTrue();
        assertThat(clusters().reservePlace(stored.id())).as("full").isFalse();
        assertThat(clusters().find(stored.id()).orElseThrow().fill().databaseCount())
                .isEqualTo(2);

        clusters().releasePlace(stored.id());
        assertThat(clusters().reservePlace(stored.id())).isTrue();
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

        assertThat(clusters().reservePlace(cordoned.id())).isFalse();
        assertThat(clusters().reservePlace(down.id())).isFalse();
        assertThat(clusters().reservePlace(deleted.id())).isFalse();
        assertThat(clusters().reservePlace(new ClusterId(UUID.randomUUID()))).isFalse();
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
        Cluster cluster = cluster(prefix, limits);
        clusters().add(cluster);
        return cluster;
    }

    private Cluster cluster(String prefix, ClusterLimits limits) {
        return Cluster.registered(
                new ClusterId(UUID.randomUUID()),
                name(prefix),
                new ClusterSettings(null, null, limits, null),
                new AdminAddress("pg.test", 5432),
                ClusterHealth.up(T0, "17.6", 1),
                T0);
    }

    private ClusterName name(String prefix) {
        return new ClusterName(prefix + "-" + run);
    }
}
