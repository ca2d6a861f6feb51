package dev.daap.application.database;

import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Validation;
import java.util.Map;
import java.util.Optional;

/**
 * Where a database should move: a region and labels its new cluster must have, or (platform admins only) the cluster
 * itself; neither means any other cluster that fits.
 */
public record MoveDatabaseCommand(PlacementRequest placement) {

    /** Every field error at once, as {@code 422 invalid-input}. */
    public static MoveDatabaseCommand of(String region, Map<String, String> labels, String cluster) {
        var validation = new Validation();
        var validRegion = validation.optionalField("placement.region", region, Region::new);
        var validLabels = validation.optionalField("placement.labels", labels, Labels::new);
        var validCluster = validation.optionalField("cluster", cluster, ClusterName::new);
        if (cluster != null && (region != null || labels != null)) {
            validation.fail("cluster", "names the cluster itself: leave placement out, or leave cluster out");
        }
        validation.throwIfInvalid();
        return new MoveDatabaseCommand(
                new PlacementRequest(Optional.ofNullable(validRegion), validLabels, Optional.ofNullable(validCluster)));
    }
}
