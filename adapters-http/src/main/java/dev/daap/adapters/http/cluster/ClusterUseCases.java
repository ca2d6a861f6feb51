package dev.daap.adapters.http.cluster;

import dev.daap.application.cluster.DeleteCluster;
import dev.daap.application.cluster.GetCluster;
import dev.daap.application.cluster.ListClusters;
import dev.daap.application.cluster.RegisterCluster;
import dev.daap.application.cluster.UpdateCluster;
import dev.daap.domain.backup.BackupTools;
import java.util.Objects;

/**
 * The use cases behind {@code /v1/clusters}, wired by the bootstrap; {@code backupTools} says in each cluster's
 * health whether this instance has the client tools to back up its databases.
 */
public record ClusterUseCases(
        RegisterCluster register,
        GetCluster get,
        ListClusters list,
        UpdateCluster update,
        DeleteCluster delete,
        BackupTools backupTools) {
    public ClusterUseCases {
        Objects.requireNonNull(backupTools, "backupTools");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
    }
}
