package dev.daap.application.credential;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;

/** A member reads a ready database's password; every read is audited (without the password). */
public final class ReadCredentials {
    private final Transactions transactions;
    private final Databases databases;
    private final CredentialVault vault;
    private final AuditTrail audit;

    public ReadCredentials(Transactions transactions, Databases databases, CredentialVault vault, AuditTrail audit) {
        this.transactions = transactions;
        this.databases = databases;
        this.vault = vault;
        this.audit = audit;
    }

    public Credentials execute(Caller caller, DatabaseId id) {
        return transactions.inTransaction(() -> {
            Database database = ReadyDatabases.find(databases, caller.principal(), id);
            String password = vault.read(id)
                    .orElseThrow(() -> new IllegalTransitionException(
                            "database " + id + " is ready but has no stored password; rotate its credentials"));
            audit.credentialsRead(caller, database);
            return new Credentials(database.connection(), password);
        });
    }
}
