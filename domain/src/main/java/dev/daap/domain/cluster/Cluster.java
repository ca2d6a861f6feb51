package dev.daap.domain.cluster;

import dev.daap.domain.common.Labels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A PostgreSQL cluster that DAAP provisions on: the aggregate root of the fleet. Its settings (region, labels,
 * state, limits, client endpoint, admin address) change through {@link #change} with the next {@code version},
 * which the store uses for optimistic concurrency. Its {@code health} and {@code fill} are measurements that change
 * without the version: the probe and placement write them as they happen. The admin URL is a secret and not part
 * of the aggregate (see {@link ClusterSecrets}); only its {@link AdminAddress} is.
 *
 * @param region    null when the cluster has none (then only requests without a region land on it)
 * @param endpoint  what platform admins set for clients; see {@link #clientEndpoint()}
 * @param deletedAt null while the cluster is live
 */
public record Cluster(
        ClusterId id,
        ClusterName name,
        Region region,
        Labels labels,
        ClusterState state,
        ClusterLimits limits,
        ClientEndpoint endpoint,
        AdminAddress adminAddress,
        ClusterHealth health,
        ClusterFill fill,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version) {

    public Cluster {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(adminAddress, "adminAddress");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A cluster just registered: active, empty, with the health its registration saw. */
    public static Cluster registered(
            ClusterId id,
            ClusterName name,
            ClusterSettings settings,
            AdminAddress admin,
            ClusterHealth health,
            Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Cluster(
                id,
                name,
                settings.region(),
                settings.labels(),
                ClusterState.ACTIVE,
                settings.limits(),
                settings.endpoint(),
                admin,
                health,
                ClusterFill.EMPTY,
                at,
                at,
                null,
                1);
    }

    /** Applies a platform admin's change to the settings; measurements stay as they are. */
    public Cluster change(ClusterChanges changes, Instant now) {
        return new Cluster(
                id,
                name,
                changes.region().isPresent() ? changes.region().get().orElse(null) : region,
                changes.labels().orElse(labels),
                changes.state().orElse(state),
                changes.limits().orElse(limits),
                changes.endpoint().orElse(endpoint),
                changes.adminAddress().orElse(adminAddress),
                health,
                fill,
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS),
                deletedAt,
                version + 1);
    }

    /** Removed by a platform admin (soft: the row stays, for the databases that lived there). */
    public Cluster deleted(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Cluster(
                id,
                name,
                region,
                labels,
                state,
                limits,
                endpoint,
                adminAddress,
                health,
                fill,
                createdAt,
                at,
                at,
                version + 1);
    }

    /** Where clients connect: the endpoint's settings, with the admin address where they leave it open. */
    public ClientEndpoint.Resolved clientEndpoint() {
        return endpoint.resolve(adminAddress);
    }

    public ClusterRef ref() {
        return new ClusterRef(id, name);
    }

    public boolean isLive() {
        return deletedAt == null;
    }
}
