package dev.daap.application.user;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.user.DatabaseUser;
import java.time.Instant;

/**
 * What a client of a user needs to connect: the current login with its password, and the previous login (without
 * password) while it still works. Never logged, never listed, never put in an event.
 *
 * @param current       where and as whom to connect now; its username is the current login's
 * @param previousLogin the login a rotation left working, null if none
 */
public record UserCredentials(
        Database database,
        DatabaseUser user,
        ConnectionDetails current,
        String password,
        String previousLogin,
        Instant previousValidUntil) {

    @Override
    public String toString() {
        return "UserCredentials[" + user.name() + ", " + current + ", password=***]";
    }
}
