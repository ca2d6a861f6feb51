package dev.daap.application.user;

import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import java.util.Optional;

/**
 * Where the password of a user's login is kept: the first owner's login A is the database's role from before users,
 * whose password stays where it always was (the credential vault, by database); every other in the users' store.
 */
public final class UserPasswords {
    private final CredentialVault vault;
    private final DatabaseUsers users;

    public UserPasswords(CredentialVault vault, DatabaseUsers users) {
        this.vault = vault;
        this.users = users;
    }

    public void store(DatabaseUser user, LoginSlot slot, String password) {
        if (user.firstOwner() && slot == LoginSlot.A) {
            vault.store(user.databaseId(), password);
        } else {
            users.storePassword(user.id(), slot, password);
        }
    }

    public Optional<String> read(DatabaseUser user, LoginSlot slot) {
        return user.firstOwner() && slot == LoginSlot.A
                ? vault.read(user.databaseId())
                : users.readPassword(user.id(), slot);
    }
}
