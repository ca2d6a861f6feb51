package dev.daap.application.credential;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;

/**
 * A member gives a ready database a new password, audited (without the password). The password changes on the
 * target first and is stored after: if storing fails, the next rotation repairs it, while the reverse order could
 * leave a stored password that never worked.
 */
public final class RotateCredentials {
    private final Transactions transactions;
    private final Databases databases;
    private final CredentialVault vault;
    private final ClusterTargets targets;
    private final PasswordGenerator passwords;
    private final AuditTrail audit;
    private final DatabaseEvents events;

    public RotateCredentials(
            Transactions transactions,
            Databases databases,
            CredentialVault vault,
            ClusterTargets targets,
            PasswordGenerator passwords,
            AuditTrail audit,
            DatabaseEvents events) {
        this.transactions = transactions;
        this.databases = databases;
        this.vault = vault;
        this.targets = targets;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
    }

    public Credentials execute(Caller caller, DatabaseId id) {
        Database database = ReadyDatabases.find(databases, caller.principal(), id);
        String password = passwords.newPassword();
        targets.provisionerFor(database).changePassword(database.id(), database.nameOnCluster(), password);
        transactions.inTransaction(() -> {
            vault.store(id, password);
            audit.credentialsRotated(caller, database);
            events.credentialsRotated(database);
            return null;
        });
        return new Credentials(database.connection(), password);
    }
}
