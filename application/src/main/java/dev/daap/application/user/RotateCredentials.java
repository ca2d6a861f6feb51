package dev.daap.application.user;

import dev.daap.application.credential.Credentials;
import dev.daap.domain.access.Caller;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.user.Overlap;

/**
 * A member rotates a ready database's credentials: those of its first owner user (see {@link RotateUserCredentials}),
 * audited and with its event. Without an overlap the old password stops at once, as it always did.
 */
public final class RotateCredentials {
    private final RotateUserCredentials users;

    public RotateCredentials(RotateUserCredentials users) {
        this.users = users;
    }

    public Credentials execute(Caller caller, DatabaseId id) {
        var credentials = users.firstOwner(caller, id, Overlap.NONE);
        return new Credentials(credentials.current(), credentials.password());
    }
}
