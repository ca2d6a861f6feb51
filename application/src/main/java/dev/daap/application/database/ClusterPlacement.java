package dev.daap.application.database;

import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.PassOverReason;
import dev.daap.domain.cluster.Placement;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.NoCapacityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Takes a place on the best cluster for a request, in the caller's transaction (a create's, a move's): see {@link
 * Clusters#takePlace}. When none is found, the clusters are read: if one fits (another request filled the chosen one
 * first, or a place was given back), placement runs again, a few times at most; otherwise a {@code 409 no-capacity}
 * says why each was passed over, and those that fit at the last read count as taken by others.
 */
final class ClusterPlacement {
    /** How often a request looks for a place while clusters that fit fill up under it. */
    private static final int PLACEMENT_ATTEMPTS = 5;

    private final Clusters clusters;

    ClusterPlacement(Clusters clusters) {
        this.clusters = clusters;
    }

    ClusterRef place(PlacementRequest request) {
        Placement.Decision decision = null;
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            Optional<ClusterRef> taken = clusters.takePlace(request);
            if (taken.isPresent()) {
                return taken.get();
            }
            decision = decide(request);
            if (decision.fitting().isEmpty()) {
                break;
            }
        }
        List<NoCapacityException.Candidate> passedOver = new ArrayList<>();
        decision.passedOver()
                .forEach(passed -> passedOver.add(candidate(passed.cluster().value(), passed.reason())));
        decision.fitting()
                .forEach(cluster -> passedOver.add(candidate(cluster.name().value(), PassOverReason.TAKEN)));
        passedOver.sort(Comparator.comparing(NoCapacityException.Candidate::cluster));
        throw new NoCapacityException(passedOver);
    }

    private Placement.Decision decide(PlacementRequest request) {
        List<Cluster> candidates = clusters.list();
        request.cluster()
                .filter(named ->
                        candidates.stream().noneMatch(cluster -> cluster.name().equals(named)))
                .ifPresent(named -> {
                    throw InvalidInputException.of("cluster", "no cluster is named " + named);
                });
        return Placement.decide(candidates, request);
    }

    private static NoCapacityException.Candidate candidate(String cluster, PassOverReason reason) {
        return new NoCapacityException.Candidate(cluster, reason.wireName(), reason.description());
    }
}
