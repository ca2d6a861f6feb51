package dev.daap.adapters.http.protocol;

import dev.daap.domain.backup.BackupId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.user.UserName;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Supplier;

/** The {@code {id}} path parameter of a resource; one that is not a UUID is an input problem (422), not a 404. */
public final class PathIds {
    private static final String PARAMETER = "id";
    private static final String TEAM_PARAMETER = "slug";
    private static final String CLUSTER_PARAMETER = "name";
    private static final String SNAPSHOT_PARAMETER = "sid";
    private static final String BACKUP_PARAMETER = "bid";
    private static final String USER_PARAMETER = "user";

    private PathIds() {}

    public static DatabaseId databaseId(Context ctx) {
        return parsed(() -> DatabaseId.parse(ctx.pathParam(PARAMETER)));
    }

    /** Operation ids have the same canonical form as database ids. */
    public static UUID operationId(Context ctx) {
        return parsed(() -> DatabaseId.parse(ctx.pathParam(PARAMETER)).value());
    }

    /** The {@code {sid}} of a snapshot's path, below its database's. */
    public static SnapshotId snapshotId(Context ctx) {
        return parsed(SNAPSHOT_PARAMETER, () -> SnapshotId.parse(ctx.pathParam(SNAPSHOT_PARAMETER)));
    }

    /** The {@code {bid}} of a backup's path. */
    public static BackupId backupId(Context ctx) {
        return parsed(BACKUP_PARAMETER, () -> BackupId.parse(ctx.pathParam(BACKUP_PARAMETER)));
    }

    /** The {@code {slug}} of a team's path. */
    public static UserName userName(Context ctx) {
        return parsed(USER_PARAMETER, () -> new UserName(ctx.pathParam(USER_PARAMETER)));
    }

    public static TeamSlug teamSlug(Context ctx) {
        return parsed(TEAM_PARAMETER, () -> new TeamSlug(ctx.pathParam(TEAM_PARAMETER)));
    }

    /** The {@code {name}} of a cluster's path. */
    public static ClusterName clusterName(Context ctx) {
        return parsed(CLUSTER_PARAMETER, () -> new ClusterName(ctx.pathParam(CLUSTER_PARAMETER)));
    }

    /** The {@code {name}} of a plan's path. */
    public static PlanName planName(Context ctx) {
        return parsed(CLUSTER_PARAMETER, () -> new PlanName(ctx.pathParam(CLUSTER_PARAMETER)));
    }

    /** API key ids have the same canonical form as database ids. */
    public static UUID keyId(Context ctx) {
        return operationId(ctx);
    }

    private static <T> T parsed(Supplier<T> parse) {
        return parsed(PARAMETER, parse);
    }

    private static <T> T parsed(String parameter, Supplier<T> parse) {
        var validation = new Validation();
        T id = validation.field(parameter, parse);
        validation.throwIfInvalid();
        return id;
    }
}
