package dev.daap.domain.credential;

import dev.daap.domain.database.DatabaseId;
import java.util.Optional;

/**
 * Keeps each database's password, encrypted at rest; never in plain text. Calls join the transaction open on the
 * calling thread, so a password is stored together with the status change that makes it usable.
 */
public interface CredentialVault {

    /** Stores (or replaces) the password of a database. */
    void store(DatabaseId id, String password);

    /** The decrypted password, if one is stored. */
    Optional<String> read(DatabaseId id);

    /** Forgets the password (the database is gone). */
    void remove(DatabaseId id);
}
