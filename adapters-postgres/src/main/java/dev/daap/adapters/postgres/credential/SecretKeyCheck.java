package dev.daap.adapters.postgres.credential;

import static dev.daap.adapters.postgres.generated.Tables.CREDENTIALS;
import static dev.daap.adapters.postgres.generated.Tables.SECRET_KEYS;

import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The start-up guard against a wrong key: the first start records the key's fingerprint in {@code secret_keys};
 * every later start must bring the same key, or it stops before it writes secrets that no one could read back.
 */
public final class SecretKeyCheck {
    private final String keyId;

    public SecretKeyCheck(CredentialCipher cipher) {
        this.keyId = Objects.requireNonNull(cipher, "cipher").keyId();
    }

    /**
     * Records this key if none is recorded yet; passes if the recorded key is this one.
     *
     * @throws SecretKeyMismatchException if another key encrypted the stored credentials
     */
    public void verify(DSLContext dsl) {
        List<String> recorded = recordedKeyIds(dsl);
        if (recorded.isEmpty()) {
            // First start, or someone emptied the table: credentials already stored must still be this key's.
            List<String> others = dsl.selectDistinct(CREDENTIALS.KEY_ID)
                    .from(CREDENTIALS)
                    .where(CREDENTIALS.KEY_ID.ne(keyId))
                    .orderBy(CREDENTIALS.KEY_ID)
                    .limit(5)
                    .fetch(CREDENTIALS.KEY_ID);
            if (!others.isEmpty()) {
                throw new SecretKeyMismatchException(String.join(", ", others), keyId);
            }
            // One row at most (a unique index on a constant): of two instances that start together with
            // different keys, one inserts, and the other reads that key back and fails below.
            dsl.insertInto(SECRET_KEYS)
                    .set(SECRET_KEYS.KEY_ID, keyId)
                    .onConflictDoNothing()
                    .execute();
            recorded = recordedKeyIds(dsl);
        }
        if (!recorded.equals(List.of(keyId))) {
            throw new SecretKeyMismatchException(String.join(", ", recorded), keyId);
        }
    }

    private static List<String> recordedKeyIds(DSLContext dsl) {
        return dsl.select(SECRET_KEYS.KEY_ID)
                .from(SECRET_KEYS)
                .orderBy(SECRET_KEYS.KEY_ID)
                .fetch(SECRET_KEYS.KEY_ID);
    }
}
