package dev.daap.adapters.postgres.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.database.DatabaseId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final byte[] SECRET = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private final DatabaseId id = new DatabaseId(UUID.randomUUID());

    @Test
    void theKeyIdIsAFixedFingerprintOfTheKey() {
        // Known answers: sha256("daap-credential-key:" ‖ key)[0..8] in hex. Changing the formula would make every
        // installed key look like a different one, so it must not change by accident.
        assertThat(new CredentialCipher(new byte[32]).keyId()).isEqualTo("aed9cb0f96e420f5");
        assertThat(new CredentialCipher(countingKey()).keyId()).isEqualTo("6aceb14464c8071e");
    }

    @Test
    void keysThatAreNot32BytesAreRefused() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, not 16");
    }

    @Test
    void theCipherKeepsItsOwnCopyOfTheKey() {
        byte[] key = countingKey();
        var cipher = new CredentialCipher(key);
        CredentialCipher.Sealed sealed = cipher.encrypt(id, SECRET);
        java.util.Arrays.fill(key, (byte) 0);

        assertThat(cipher.keyId()).isEqualTo("6aceb14464c8071e");
        assertThat(cipher.decrypt(id, sealed)).isEqualTo(SECRET);
    }

    @Test
    void everyEncryptionUsesAFreshNonceAndAppendsA128BitTag() {
        var cipher = new CredentialCipher(randomKey());
        CredentialCipher.Sealed first = cipher.encrypt(id, SECRET);
        CredentialCipher.Sealed second = cipher.encrypt(id, SECRET);

        assertThat(first.nonce()).hasSize(12);
        assertThat(first.ciphertext()).hasSize(SECRET.length + 16);
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
    }

    @Test
    void theFormatIsPlainAesGcmWithTheDatabaseIdAsAssociatedData() throws Exception {
        byte[] key = randomKey();
        CredentialCipher.Sealed sealed = new CredentialCipher(key).encrypt(id, SECRET);

        // Decrypted by the JDK alone, so an operator's own tool can read a backup with the key and this recipe.
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed.nonce()));
        jdk.updateAAD(ByteBuffer.allocate(16)
                .putLong(id.value().getMostSignificantBits())
                .putLong(id.value().getLeastSignificantBits())
                .array());
        assertThat(jdk.doFinal(sealed.ciphertext())).isEqualTo(SECRET);
    }

    @Test
    void anotherKeyCannotDecryptAndSaysSo() {
        CredentialCipher.Sealed sealed = new CredentialCipher(randomKey()).encrypt(id, SECRET);
        var other = new CredentialCipher(randomKey());

        assertThatThrownBy(() -> other.decrypt(id, sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted with the configured key (key id " + other.keyId())
                .hasCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aCiphertextDoesNotDecryptForAnotherDatabase() {
        var cipher = new CredentialCipher(randomKey());
        CredentialCipher.Sealed sealed = cipher.encrypt(id, SECRET);
        DatabaseId another = new DatabaseId(UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decrypt(another, sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database " + another + " cannot be decrypted");
    }

    @Test
    void anAlteredCiphertextDoesNotDecrypt() {
        var cipher = new CredentialCipher(randomKey());
        CredentialCipher.Sealed sealed = cipher.encrypt(id, SECRET);
        byte[] altered = sealed.ciphertext().clone();
        altered[0] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(id, new CredentialCipher.Sealed(altered, sealed.nonce())))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(AEADBadTagException.class);
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] countingKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }
}
