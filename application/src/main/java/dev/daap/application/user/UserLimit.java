package dev.daap.application.user;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.UserLimitException;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserStatus;

/**
 * How many users a database may have ({@code DAAP_USERS_PER_DATABASE}), the first owner included: each is two
 * logins on the cluster, and a list of them is answered whole. One being deleted no longer counts, so a client may
 * delete one and create the next at once.
 */
public record UserLimit(int perDatabase) {
    public static final int DEFAULT = 50;

    public UserLimit {
        if (perDatabase < 1) {
            throw new IllegalArgumentException("a database has at least 1 user, its first owner");
        }
    }

    /** Takes the database's users lock (until commit), so two creates never both take the last place. */
    void requireRoom(DatabaseUsers users, DatabaseId database) {
        users.lockUsersOf(database);
        long kept = users.liveOf(database).stream()
                .map(DatabaseUser::status)
                .filter(status -> status != UserStatus.DELETING)
                .count();
        if (kept >= perDatabase) {
            throw new UserLimitException(perDatabase);
        }
    }
}
