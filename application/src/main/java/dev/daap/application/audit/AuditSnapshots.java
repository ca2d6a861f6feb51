package dev.daap.application.audit;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.database.Database;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.revision.DatabaseSettings;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.team.Team;
import dev.daap.domain.user.DatabaseUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the audit log keeps of a resource: its fields as a client sees them, never a secret (no password, no token,
 * no token hash).
 */
public final class AuditSnapshots {
    private AuditSnapshots() {}

    public static Map<String, Object> of(Database database) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", database.id().toString());
        snapshot.put("name", database.name().value());
        snapshot.put("owner_team", database.ownerTeam().value());
        snapshot.put("purpose", database.purpose().value());
        snapshot.put("status", database.status().wireName());
        snapshot.put("labels", new LinkedHashMap<>(database.labels().values()));
        snapshot.put(
                "cluster",
                database.cluster() == null ? null : database.cluster().name().value());
        snapshot.put("deletion_protection", database.deletionProtection());
        snapshot.put("plan", database.plan().value());
        snapshot.put("backup_policy", DatabaseSettings.of(database).get("backup_policy"));
        snapshot.put("quota_state", database.quotaState().wireName());
        snapshot.put("restorable_until", text(database.restorableUntil()));
        snapshot.put("version", database.version());
        return snapshot;
    }

    public static Map<String, Object> of(Backup backup) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", backup.id().toString());
        values.put("database_id", backup.databaseId().toString());
        values.put("cluster", backup.cluster().name().value());
        values.put("status", backup.status().wireName());
        values.put("size_bytes", backup.sizeBytes());
        values.put("sha256", backup.sha256());
        values.put(
                "verification",
                backup.verification() == null
                        ? null
                        : backup.verification().status().wireName());
        values.put("version", backup.version());
        return values;
    }

    /** A user of a database: who, with what access, in what state; never a login's password. */
    public static Map<String, Object> of(DatabaseUser user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", user.name().value());
        values.put("database_id", user.databaseId().toString());
        values.put("access", user.access().wireName());
        values.put("status", user.status().wireName());
        values.put(
                "previous_valid_until",
                user.previousValidUntil() == null
                        ? null
                        : user.previousValidUntil().toString());
        values.put("version", user.version());
        return values;
    }

    public static Map<String, Object> of(Snapshot snapshot) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", snapshot.id().toString());
        values.put("database_id", snapshot.databaseId().toString());
        values.put("description", snapshot.description());
        values.put(
                "restore_of",
                snapshot.restoreOf() == null ? null : snapshot.restoreOf().toString());
        values.put("status", snapshot.status().wireName());
        values.put("version", snapshot.version());
        return values;
    }

    public static Map<String, Object> of(CloneSource source) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("database_id", source.database().toString());
        values.put("snapshot_id", source.snapshot().map(Object::toString).orElse(null));
        return values;
    }

    /** Its settings as platform admins see them; never the admin URL, no measurements. */
    public static Map<String, Object> of(Cluster cluster) {
        var endpoint = cluster.clientEndpoint();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", cluster.name().value());
        snapshot.put(
                "region", cluster.region() == null ? null : cluster.region().value());
        snapshot.put("labels", new LinkedHashMap<>(cluster.labels().values()));
        snapshot.put("state", cluster.state().wireName());
        snapshot.put("max_databases", cluster.limits().maxDatabases());
        snapshot.put("max_storage_bytes", cluster.limits().maxStorageBytes());
        snapshot.put("connect_host", endpoint.host());
        snapshot.put("connect_port", endpoint.port());
        snapshot.put(
                "connect_sslmode",
                endpoint.sslmode() == null ? null : endpoint.sslmode().wireName());
        snapshot.put("version", cluster.version());
        snapshot.put("deleted_at", text(cluster.deletedAt()));
        return snapshot;
    }

    public static Map<String, Object> of(ApiKey key) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", key.id().toString());
        snapshot.put("team", key.team() == null ? null : key.team().value());
        snapshot.put("role", key.role().wireName());
        snapshot.put("prefix", key.prefix());
        snapshot.put("description", key.description());
        snapshot.put("expires_at", text(key.expiresAt()));
        snapshot.put("revoked_at", text(key.revokedAt()));
        return snapshot;
    }

    public static Map<String, Object> of(Team team) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("slug", team.slug().value());
        snapshot.put("display_name", team.displayName());
        snapshot.put("max_databases", team.maxDatabases());
        snapshot.put(
                "monthly_budget",
                team.monthlyBudget() == null
                        ? null
                        : Map.of(
                                "amount",
                                team.monthlyBudget().amount().toPlainString(),
                                "currency",
                                team.monthlyBudget().currency()));
        return snapshot;
    }

    /** Amounts as exact decimal text. */
    public static Map<String, Object> of(Plan plan) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", plan.name().value());
        snapshot.put("description", plan.description());
        snapshot.put("max_connections", plan.maxConnections());
        snapshot.put("storage_limit_bytes", plan.storageLimitBytes());
        snapshot.put("included_storage_bytes", plan.includedStorageBytes());
        snapshot.put("price_per_month", plan.pricePerMonth().toPlainString());
        snapshot.put("price_per_gb_month", plan.pricePerGbMonth().toPlainString());
        snapshot.put("default", plan.isDefault());
        snapshot.put("version", plan.version());
        return snapshot;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
