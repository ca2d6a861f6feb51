package dev.daap.adapters.postgres.credential;

import static dev.daap.adapters.postgres.generated.Tables.CREDENTIALS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.CredentialsRecord;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.database.DatabaseId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * The {@link CredentialVault} port on PostgreSQL: passwords are encrypted by {@link CredentialCipher} before they
 * reach SQL, and only ciphertext, nonce and key id are stored. Calls join the transaction of the session.
 */
public final class JooqCredentialVault implements CredentialVault {
    private final JooqSession session;
    private final CredentialCipher cipher;

    public JooqCredentialVault(JooqSession session, CredentialCipher cipher) {
        this.session = Objects.requireNonNull(session, "session");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void store(DatabaseId id, String password) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(password, "password");
        CredentialCipher.Sealed sealed = cipher.encrypt(id, password.getBytes(StandardCharsets.UTF_8));
        session.dsl()
                .insertInto(CREDENTIALS)
                .set(CREDENTIALS.DATABASE_ID, id.value())
                .set(CREDENTIALS.CIPHERTEXT, sealed.ciphertext())
                .set(CREDENTIALS.NONCE, sealed.nonce())
                .set(CREDENTIALS.KEY_ID, cipher.keyId())
                .onConflict(CREDENTIALS.DATABASE_ID)
                .doUpdate()
                .set(CREDENTIALS.CIPHERTEXT, DSL.excluded(CREDENTIALS.CIPHERTEXT))
                .set(CREDENTIALS.NONCE, DSL.excluded(CREDENTIALS.NONCE))
                .set(CREDENTIALS.KEY_ID, DSL.excluded(CREDENTIALS.KEY_ID))
                .set(CREDENTIALS.UPDATED_AT, DSL.currentInstant())
                .execute();
    }

    @Override
    public Optional<String> read(DatabaseId id) {
        Objects.requireNonNull(id, "id");
        Optional<CredentialsRecord> row = session.dsl()
                .selectFrom(CREDENTIALS)
                .where(CREDENTIALS.DATABASE_ID.eq(id.value()))
                .fetchOptional();
        return row.map(record -> decrypt(id, record));
    }

    @Override
    public void remove(DatabaseId id) {
        Objects.requireNonNull(id, "id");
        session.dsl()
                .deleteFrom(CREDENTIALS)
                .where(CREDENTIALS.DATABASE_ID.eq(id.value()))
                .execute();
    }

    private String decrypt(DatabaseId id, CredentialsRecord record) {
        if (!cipher.keyId().equals(record.getKeyId())) {
            // Said plainly, before GCM would fail with a message that cannot tell a wrong key from tampering.
            throw new IllegalStateException("the stored secret of database " + id + " cannot be decrypted with the "
                    + "configured key: it was encrypted with key id " + record.getKeyId() + ", the configured key "
                    + "has key id " + cipher.keyId());
        }
        byte[] plaintext = cipher.decrypt(id, new CredentialCipher.Sealed(record.getCiphertext(), record.getNonce()));
        return new String(plaintext, StandardCharsets.UTF_8);
    }
}
