package dev.daap.adapters.postgres.credential;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for stored secrets: a fresh random 96-bit nonce per encryption, a 128-bit tag, and the owner's id as
 * associated data (a database's for its password; a cluster's, after a context of its own, for its admin URL), so a
 * ciphertext copied to another row does not decrypt. Thread-safe: each call uses its own {@link Cipher}.
 */
public final class CredentialCipher {
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] KEY_ID_CONTEXT = "daap-credential-key:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] USER_CONTEXT = "daap-user-login:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLUSTER_CONTEXT = "daap-cluster-admin-url:".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes; copied, so the caller may wipe its array afterwards */
    public CredentialCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyIdOf(key);
    }

    /**
     * The key's fingerprint: the first 16 hex digits of SHA-256("daap-credential-key:" ‖ key). Safe to store and
     * show; it tells keys apart and reveals nothing useful about them.
     */
    public String keyId() {
        return keyId;
    }

    Sealed encrypt(DatabaseId id, byte[] plaintext) {
        return encrypt(associatedData(id.value()), plaintext);
    }

    byte[] decrypt(DatabaseId id, Sealed sealed) {
        return decrypt(associatedData(id.value()), sealed, "database " + id);
    }

    /** A password of one login of a database user, bound to user and slot: it decrypts as no other secret. */
    public Sealed encryptUserSecret(UUID user, String slot, byte[] plaintext) {
        return encrypt(userAssociatedData(user, slot), plaintext);
    }

    public byte[] decryptUserSecret(UUID user, String slot, Sealed sealed) {
        return decrypt(userAssociatedData(user, slot), sealed, "user " + user);
    }

    private static byte[] userAssociatedData(UUID user, String slot) {
        byte[] slotBytes = slot.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(USER_CONTEXT.length + 16 + slotBytes.length)
                .put(USER_CONTEXT)
                .put(associatedData(user))
                .put(slotBytes)
                .array();
    }

    /** A cluster's admin URL, bound to the cluster: it decrypts neither as another cluster's nor as a password. */
    public Sealed encryptClusterSecret(ClusterId id, byte[] plaintext) {
        return encrypt(clusterAssociatedData(id), plaintext);
    }

    public byte[] decryptClusterSecret(ClusterId id, Sealed sealed) {
        return decrypt(clusterAssociatedData(id), sealed, "cluster " + id);
    }

    private Sealed encrypt(byte[] associatedData, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(cipher.doFinal(plaintext), nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with " + TRANSFORMATION, e);
        }
    }

    private byte[] decrypt(byte[] associatedData, Sealed sealed, String owner) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            // Wrong key, or a ciphertext that belongs to another database, or altered bytes: GCM cannot tell which.
            throw new IllegalStateException(
                    "the stored secret of " + owner + " cannot be decrypted with the configured key (key id " + keyId
                            + "): it was encrypted with another key, belongs to another row, or was altered",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot decrypt with " + TRANSFORMATION, e);
        }
    }

    /**
     * A key of its own for another purpose (the backups' encryption, say), derived from the configured key:
     * HMAC-SHA256 under {@code "daap-derived-key:" + purpose}, so it is never the key of the stored secrets, and
     * knowing it reveals neither that key nor the key of another purpose.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("daap-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot derive a key with HmacSHA256", e);
        }
    }

    private static byte[] associatedData(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] clusterAssociatedData(ClusterId id) {
        return ByteBuffer.allocate(CLUSTER_CONTEXT.length + 16)
                .put(CLUSTER_CONTEXT)
                .put(associatedData(id.value()))
                .array();
    }

    private static String keyIdOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_ID_CONTEXT);
            byte[] digest = sha256.digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A ciphertext (with its GCM tag at the end) and the nonce it was made with. */
    public record Sealed(byte[] ciphertext, byte[] nonce) {
        public Sealed {
            Objects.requireNonNull(ciphertext, "ciphertext");
            Objects.requireNonNull(nonce, "nonce");
        }
    }
}
