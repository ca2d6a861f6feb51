package dev.daap.application.audit;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.database.Database;
import dev.daap.domain.team.Team;
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
        snapshot.put("version", database.version());
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
        return snapshot;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
