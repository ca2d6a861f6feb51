package dev.daap.testing;

import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.database.DatabaseId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link CredentialVault} port: passwords in a map, no encryption, no transactions. Thread-safe. */
public final class InMemoryCredentialVault implements CredentialVault {
    private final Map<DatabaseId, String> passwords = new ConcurrentHashMap<>();

    @Override
    public void store(DatabaseId id, String password) {
        passwords.put(id, password);
    }

    @Override
    public Optional<String> read(DatabaseId id) {
        return Optional.ofNullable(passwords.get(id));
    }

    @Override
    public void remove(DatabaseId id) {
        passwords.remove(id);
    }
}
