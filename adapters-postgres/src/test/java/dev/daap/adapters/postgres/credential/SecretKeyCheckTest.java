package dev.daap.adapters.postgres.credential;

import static dev.daap.adapters.postgres.credential.CredentialCipherTest.randomKey;
import static dev.daap.adapters.postgres.credential.JooqCredentialVaultTest.aStoredDatabase;
import static dev.daap.adapters.postgres.generated.Tables.SECRET_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.RolledBackTransaction;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up check against a wrong key. Every test runs in its own rolled-back transaction, so each starts with
 * an empty {@code secret_keys}; tests running at the same time queue on its single row, which is harmless.
 */
class SecretKeyCheckTest {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final DSLContext dsl = transaction.dsl();
    private final byte[] originalKey = randomKey();
    private final CredentialCipher original = new CredentialCipher(originalKey);
    private final CredentialCipher other = new CredentialCipher(randomKey());

    @Test
    void theFirstStartRecordsTheKeyAndTheSameKeyPassesAgain() {
        new SecretKeyCheck(original).verify(dsl);
        new SecretKeyCheck(new CredentialCipher(originalKey.clone())).verify(dsl); // a restart, same key

        assertThat(recorded()).containsExactly(original.keyId());
    }

    @Test
    void anotherKeyIsRefusedNamingBothKeyIds() {
        new SecretKeyCheck(original).verify(dsl);

        assertThatThrownBy(() -> new SecretKeyCheck(other).verify(dsl))
                .isInstanceOf(SecretKeyMismatchException.class)
                .hasMessage("the key given does not match the key that encrypted the stored credentials (expected "
                        + "key id " + original.keyId() + ", got " + other.keyId() + ")")
                .extracting(e -> ((SecretKeyMismatchException) e).expectedKeyId())
                .isEqualTo(original.keyId());
        assertThat(recorded()).containsExactly(original.keyId());
    }

    @Test
    void credentialsOfAnotherKeyAreRefusedEvenWhenNoKeyIsRecorded() {
        var id = aStoredDatabase(dsl);
        new JooqCredentialVault(() -> dsl, original).store(id, "a-password");

        assertThatThrownBy(() -> new SecretKeyCheck(other).verify(dsl))
                .isInstanceOf(SecretKeyMismatchException.class)
                .hasMessageContaining("expected key id " + original.keyId() + ", got " + other.keyId());
        assertThat(recorded()).isEmpty(); // the wrong key was not recorded, so the right one still starts
        new SecretKeyCheck(original).verify(dsl);
        assertThat(recorded()).containsExactly(original.keyId());
    }

    @Test
    void theTableHoldsOneKeyAtMost() {
        new SecretKeyCheck(original).verify(dsl);

        assertThatThrownBy(() -> transaction.inSavepoint(() -> dsl.insertInto(SECRET_KEYS)
                        .set(SECRET_KEYS.KEY_ID, other.keyId())
                        .execute()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("secret_keys_single_row");
    }

    private List<String> recorded() {
        return dsl.select(SECRET_KEYS.KEY_ID).from(SECRET_KEYS).fetch(SECRET_KEYS.KEY_ID);
    }
}
