package dev.daap.application.credential;

import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.provisioning.Provisioner;

/**
 * Reads and rotates a ready database's password. Rotation changes the password on the target first and stores
 * it after: if storing fails, the next rotation repairs it, while the reverse order could leave a stored password
 * that never worked.
 */
public final class ManageCredentials {
    private final Transactions transactions;
    private final Databases databases;
    private final CredentialVault vault;
    private final Provisioner provisioner;
    private final PasswordGenerator passwords;

    public ManageCredentials(Transactions transactions, Databases databases, CredentialVault vault,
                             Provisioner provisioner, PasswordGenerator passwords) {
        this.transactions = transactions;
        this.databases = databases;
        this.vault = vault;
        this.provisioner = provisioner;
        this.passwords = passwords;
    }

    public Credentials read(DatabaseId id) {
        Database database = ready(id);
        String password = vault.read(id).orElseThrow(() -> new IllegalTransitionException(
                "database " + id + " is ready but has no stored password; rotate its credentials"));
        return new Credentials(database.connection(), password);
    }

    public Credentials rotate(DatabaseId id) {
        Database database = ready(id);
        String password = passwords.newPassword();
        provisioner.changePassword(database.id(), database.name(), password);
        transactions.inTransaction(() -> {
            vault.store(id, password);
            return null;
        });
        return new Credentials(database.connection(), password);
    }

    private Database ready(DatabaseId id) {
        Database database = databases.find(id).orElseThrow(() -> new DatabaseNotFoundException(id.toString()));
        if (database.status() != DatabaseStatus.READY) {
            throw new IllegalTransitionException("credentials exist once the database is ready; it is "
                    + database.status().wireName());
        }
        return database;
    }
}
