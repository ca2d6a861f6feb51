package dev.daap.adapters.http.user;

import dev.daap.domain.database.Database;
import dev.daap.domain.user.DatabaseUser;
import java.time.Instant;

/**
 * A user of a database, without a password: the login it connects as now ({@code username}) and, while a rotation's
 * overlap lasts, the previous one and until when it works.
 */
public record UserResponse(
        String id,
        String databaseId,
        String name,
        String access,
        String status,
        String username,
        String previousUsername,
        Instant previousValidUntil,
        String latestOperationId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static UserResponse from(Database database, DatabaseUser user) {
        return new UserResponse(
                user.id().toString(),
                user.databaseId().toString(),
                user.name().value(),
                user.access().wireName(),
                user.status().wireName(),
                user.loginName(user.current(), database.nameOnCluster()),
                user.previous()
                        .map(slot -> user.loginName(slot, database.nameOnCluster()))
                        .orElse(null),
                user.previousValidUntil(),
                user.operationId() == null ? null : user.operationId().toString(),
                user.failureReason(),
                user.createdAt(),
                user.updatedAt(),
                user.version());
    }
}
