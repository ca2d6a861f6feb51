package dev.daap.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.common.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Placement is a pure function: candidates and a request in, a ranking and the reasons for the rest out. */
class PlacementTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theLeastFullClusterComesFirstAndTiesGoByName() {
        Cluster half = cluster("half", "eu-west-1", Map.of(), 10L, null, 5, 0);
        Cluster emptyB = cluster("empty-b", "eu-west-1", Map.of(), 10L, null, 0, 0);
        Cluster emptyA = cluster("empty-a", "eu-west-1", Map.of(), null, null, 0, 0);

        var decision = Placement.decide(List.of(half, emptyB, emptyA), PlacementRequest.ANYWHERE);

        assertThat(decision.fitting()).extracting(c -> c.name().value()).containsExactly("empty-a", "empty-b", "half");
        assertThat(decision.passedOver()).isEmpty();
    }

    @Test
    void equallyFullClustersGoByFewestDatabasesBeforeName() {
        // Without limits every cluster is at fraction 0: by name alone "a-busy" would take every database.
        Cluster busy = cluster("a-busy", null, Map.of(), null, null, 40, 0);
        Cluster quiet = cluster("c-quiet", null, Map.of(), null, null, 3, 0);
        Cluster middling = cluster("b-middling", null, Map.of(), null, null, 12, 0);
        // Same fraction (0.5) with limits too: the one holding fewer databases comes first.
        Cluster halfOfTwenty = cluster("d-half-of-20", null, Map.of(), 20L, null, 10, 0);
        Cluster halfOfFour = cluster("e-half-of-4", null, Map.of(), 4L, null, 2, 0);

        var decision =
                Placement.decide(List.of(busy, quiet, middling, halfOfTwenty, halfOfFour), PlacementRequest.ANYWHERE);

        assertThat(decision.fitting())
                .extracting(c -> c.name().value())
                .containsExactly("c-quiet", "b-middling", "a-busy", "e-half-of-4", "d-half-of-20");
    }

    @Test
    void fullnessIsTheLargerOfTheDatabaseAndStorageFractions() {
        Cluster fewButBig = cluster("few-but-big", null, Map.of(), 100L, 1_000L, 1, 900);
        Cluster manyButSmall = cluster("many-but-small", null, Map.of(), 100L, 1_000L, 50, 10);

        var decision = Placement.decide(List.of(fewButBig, manyButSmall), PlacementRequest.ANYWHERE);

        assertThat(decision.fitting())
                .extracting(c -> c.name().value())
                .containsExactly("many-but-small", "few-but-big");
    }

    @Test
    void eachClusterPassedOverSaysWhy() {
        var request = new PlacementRequest(
                Optional.of(new Region("eu-west-1")), new Labels(Map.of("tier", "gold")), Optional.empty());
        Cluster fits = cluster("fits", "eu-west-1", Map.of("tier", "gold", "disk", "ssd"), null, null, 0, 0);
        Cluster cordoned = cluster("cordoned", "eu-west-1", Map.of("tier", "gold"), null, null, 0, 0)
                .change(new ClusterChanges(null, null, Optional.of(ClusterState.CORDONED), null, null, null), NOW);
        Cluster down =
                withHealth(cluster("down", "eu-west-1", Map.of("tier", "gold"), null, null, 0, 0), HealthStatus.DOWN);
        Cluster unknown = withHealth(
                cluster("unknown", "eu-west-1", Map.of("tier", "gold"), null, null, 0, 0), HealthStatus.UNKNOWN);
        Cluster elsewhere = cluster("elsewhere", "us-east-1", Map.of("tier", "gold"), null, null, 0, 0);
        Cluster noRegion = cluster("no-region", null, Map.of("tier", "gold"), null, null, 0, 0);
        Cluster silver = cluster("silver", "eu-west-1", Map.of("tier", "silver"), null, null, 0, 0);
        Cluster full = cluster("full", "eu-west-1", Map.of("tier", "gold"), 3L, null, 3, 0);
        Cluster storageFull = cluster("storage-full", "eu-west-1", Map.of("tier", "gold"), null, 100L, 1, 100);

        var decision = Placement.decide(
                List.of(fits, cordoned, down, unknown, elsewhere, noRegion, silver, full, storageFull), request);

        assertThat(decision.fitting()).containsExactly(fits);
        assertThat(decision.passedOver())
                .extracting(passed ->
                        passed.cluster().value() + ":" + passed.reason().wireName())
                .containsExactly(
                        "cordoned:cordoned",
                        "down:down",
                        "elsewhere:region",
                        "full:full",
                        "no-region:region",
                        "silver:labels",
                        "storage-full:full",
                        "unknown:down");
        assertThat(decision.passedOver())
                .filteredOn(passed -> passed.cluster().value().equals("storage-full"))
                .singleElement()
                .satisfies(passed -> assertThat(passed.reason()).isEqualTo(PassOverReason.FULL_STORAGE));
    }

    @Test
    void aClusterNamedByAPlatformAdminIsTheOnlyCandidateAndMustStillFit() {
        Cluster named = cluster("named", "eu-west-1", Map.of(), 1L, null, 1, 0);
        Cluster other = cluster("other", "eu-west-1", Map.of(), null, null, 0, 0);

        var decision = Placement.decide(List.of(named, other), PlacementRequest.on(new ClusterName("named")));

        assertThat(decision.fitting()).isEmpty();
        assertThat(decision.passedOver())
                .extracting(passed ->
                        passed.cluster().value() + ":" + passed.reason().wireName())
                .containsExactly("named:full");
    }

    @Test
    void aLimitOfZeroIsFullAndNoLimitIsNeverFull() {
        Cluster zero = cluster("zero", null, Map.of(), 0L, null, 0, 0);
        Cluster unlimited = cluster("unlimited", null, Map.of(), null, null, 1_000_000, Long.MAX_VALUE / 2);

        var decision = Placement.decide(List.of(zero, unlimited), PlacementRequest.ANYWHERE);

        assertThat(decision.fitting()).containsExactly(unlimited);
        assertThat(decision.passedOver())
                .extracting(Placement.PassedOver::reason)
                .containsExactly(PassOverReason.FULL);
    }

    static Cluster cluster(
            String name,
            String region,
            Map<String, String> labels,
            Long maxDatabases,
            Long maxStorage,
            long databases,
            long storage) {
        Cluster registered = Cluster.registered(
                new ClusterId(UUID.randomUUID()),
                new ClusterName(name),
                new ClusterSettings(
                        region == null ? null : new Region(region),
                        new Labels(labels),
                        new ClusterLimits(maxDatabases, maxStorage),
                        null),
                new AdminAddress("pg.test", 5432),
                ClusterHealth.up(NOW, "17.6", 1),
                NOW);
        return new Cluster(
                registered.id(),
                registered.name(),
                registered.region(),
                registered.labels(),
                registered.state(),
                registered.limits(),
                registered.endpoint(),
                registered.adminAddress(),
                registered.health(),
                new ClusterFill(databases, storage),
                registered.createdAt(),
                registered.updatedAt(),
                null,
                1);
    }

    private static Cluster withHealth(Cluster cluster, HealthStatus status) {
        return new Cluster(
                cluster.id(),
                cluster.name(),
                cluster.region(),
                cluster.labels(),
                cluster.state(),
                cluster.limits(),
                cluster.endpoint(),
                cluster.adminAddress(),
                new ClusterHealth(status, NOW, null, null, null, null, "no answer", 3, List.of()),
                cluster.fill(),
                cluster.createdAt(),
                cluster.updatedAt(),
                null,
                cluster.version());
    }
}
