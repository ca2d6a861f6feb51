package dev.daap.domain.event;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What happened to a resource; the wire name is what clients filter on and what the SSE {@code event:} says. */
public enum EventType {
    DATABASE_CREATED("database.created"),
    DATABASE_STATUS_CHANGED("database.status_changed"),
    DATABASE_UPDATED("database.updated"),
    DATABASE_DELETED("database.deleted"),
    /** It crossed its plan's storage limit, either way: read-only on its cluster above it, writable again below. */
    DATABASE_QUOTA_STATE_CHANGED("database.quota_state_changed"),
    CREDENTIALS_ROTATED("credentials.rotated"),
    SNAPSHOT_CREATED("snapshot.created"),
    SNAPSHOT_STATUS_CHANGED("snapshot.status_changed"),
    SNAPSHOT_DELETED("snapshot.deleted"),
    SNAPSHOT_RESTORE_STARTED("snapshot.restore_started"),
    BACKUP_CREATED("backup.created"),
    BACKUP_STATUS_CHANGED("backup.status_changed"),
    BACKUP_VERIFIED("backup.verified"),
    BACKUP_VERIFICATION_FAILED("backup.verification_failed"),
    USER_CREATED("user.created"),
    USER_STATUS_CHANGED("user.status_changed"),
    USER_CREDENTIALS_ROTATED("user.credentials_rotated"),
    /** The login a rotation left working stopped: its overlap ended or was revoked. */
    USER_PREVIOUS_LOGIN_ENDED("user.previous_login_ended"),
    /** A cluster went up or down: an event of the fleet, with no team (platform admins see it). */
    CLUSTER_HEALTH_CHANGED("cluster.health_changed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Events of the fleet belong to no team; every other event belongs to the team of its resource. */
    public boolean hasTeam() {
        return this != CLUSTER_HEALTH_CHANGED;
    }

    public static EventType fromWireName(String raw) {
        for (EventType type : values()) {
            if (type.wireName.equals(raw)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", ")));
    }
}
