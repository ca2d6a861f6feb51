package dev.daap.domain.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a new database goes: among the clusters that are active, up, match the request's region and every label,
 * and have room, the least full first (the larger of its database and storage fractions), then the one with the
 * fewest databases, then by name. The count matters where fractions tie: clusters without limits all count as empty
 * (fraction 0), and by name alone the first of them would take every database.
 * Pure: the rule that the store's {@link Clusters#takePlace} applies in one statement (and the fake of that port
 * through this class), and the reasons a {@code no-capacity} answer gives when nothing fits.
 */
public final class Placement {
    private static final Comparator<Cluster> LEAST_FULL_FIRST = Comparator.comparingDouble(
                    (Cluster cluster) -> cluster.fill().fraction(cluster.limits()))
            .thenComparingLong(cluster -> cluster.fill().databaseCount())
            .thenComparing(cluster -> cluster.name().value());

    private Placement() {}

    /** The clusters that fit {@code request}, best first, and why each of the others was passed over. */
    public static Decision decide(List<Cluster> candidates, PlacementRequest request) {
        List<Cluster> fitting = new ArrayList<>();
        List<PassedOver> passedOver = new ArrayList<>();
        for (Cluster cluster : candidates) {
            if (request.cluster().isPresent() && !request.cluster().get().equals(cluster.name())) {
                continue; // a platform admin named another one: this one was never a candidate
            }
            if (request.excluded().filter(cluster.name()::equals).isPresent()) {
                continue; // a move's own cluster is never where it goes
            }
            PassOverReason reason = reasonToPassOver(cluster, request);
            if (reason == null) {
                fitting.add(cluster);
            } else {
                passedOver.add(new PassedOver(cluster.name(), reason));
            }
        }
        fitting.sort(LEAST_FULL_FIRST);
        passedOver.sort(Comparator.comparing(passed -> passed.cluster().value()));
        return new Decision(List.copyOf(fitting), List.copyOf(passedOver));
    }

    /** The first rule the cluster breaks, in the order an operator would look; null if it fits. */
    static PassOverReason reasonToPassOver(Cluster cluster, PlacementRequest request) {
        if (cluster.state() == ClusterState.CORDONED) {
            return PassOverReason.CORDONED;
        }
        if (!cluster.health().isUp()) {
            return PassOverReason.DOWN;
        }
        if (request.region().isPresent() && !request.region().get().equals(cluster.region())) {
            return PassOverReason.REGION;
        }
        if (!cluster.labels()
                .values()
                .entrySet()
                .containsAll(request.labels().values().entrySet())) {
            return PassOverReason.LABELS;
        }
        if (!cluster.fill().hasRoomForADatabase(cluster.limits())) {
            return PassOverReason.FULL;
        }
        if (!cluster.fill().hasStorageLeft(cluster.limits())) {
            return PassOverReason.FULL_STORAGE;
        }
        return null;
    }

    /**
     * @param fitting    best first; try them in this order
     * @param passedOver by cluster name
     */
    public record Decision(List<Cluster> fitting, List<PassedOver> passedOver) {}

    /** A cluster that did not fit, and the first reason why. */
    public record PassedOver(ClusterName cluster, PassOverReason reason) {}
}
