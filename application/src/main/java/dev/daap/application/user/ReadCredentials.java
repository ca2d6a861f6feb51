package dev.daap.application.user;

import dev.daap.application.credential.Credentials;
import dev.daap.domain.access.Caller;
import dev.daap.domain.database.DatabaseId;

/**
 * A member reads a ready (or moving) database's credentials: its first owner user's current login and password;
 * every read is audited (without the password).
 */
public final class ReadCredentials {
    private final ReadUserCredentials users;

    public ReadCredentials(ReadUserCredentials users) {
        this.users = users;
    }

    public Credentials execute(Caller caller, DatabaseId id) {
        var credentials = users.firstOwner(caller, id);
        return new Credentials(credentials.current(), credentials.password());
    }
}
