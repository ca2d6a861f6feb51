package dev.daap.application.credential;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.database.DatabaseAccess;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.provisioning.Provisioner;

/**
 * Reads and rotates a ready database's password, for members of its team; every read and rotation is audited
 * (without the password). Rotation changes the password on the target first and stores it after: if storing
 * fails, the next rotation repairs it, while the reverse order could leave a stored password that never worked.
 */
public final class ManageCredentials {
    private final Transactions transactions;
    private final Databases databases;
    private final CredentialVault vault;
    private final Provisioner provisioner;
    private final PasswordGenerator passwords;
    private final AuditTrail audit;
    private final DatabaseEvents events;

    public ManageCredentials(
            Transactions transactions,
            Databases databases,
            CredentialVault vault,
            Provisioner provisioner,
            PasswordGenerator passwords,
            AuditTrail audit,
            DatabaseEvents events) {
        this.events = events;
        this.transactions = transactions;
        this.databases = databases;
        this.vault = vault;
        this.provisioner = provisioner;
        this.passwords = passwords;
        this.audit = audit;
    }

    public Credentials read(Caller caller, DatabaseId id) {
        return transactions.inTransaction(() -> {
            Database database = ready(caller.principal(), id);
            String password = vault.read(id)
                    .orElseThrow(() -> new IllegalTransitionException(
                            "database " + id + " is ready but has no stored password; rotate its credentials"));
            audit.credentialsRead(caller, database);
            return new Credentials(database.connection(), password);
        });
    }

    public Credentials rotate(Caller caller, DatabaseId id) {
        Database database = ready(caller.principal(), id);
        String password = passwords.newPassword();
        provisioner.changePassword(database.id(), database.name(), password);
        transactions.inTransaction(() -> {
            vault.store(id, password);
            audit.credentialsRotated(caller, database);
            events.credentialsRotated(database);
            return null;
        });
        return new Credentials(database.connection(), password);
    }

    private Database ready(Principal principal, DatabaseId id) {
        Database database = DatabaseAccess.find(databases, principal, id, Role.MEMBER);
        if (database.status() != DatabaseStatus.READY) {
            throw new IllegalTransitionException("credentials exist once the database is ready; it is "
                    + database.status().wireName());
        }
        return database;
    }
}
