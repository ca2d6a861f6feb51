package dev.daap.adapters.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.backup.BackupId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chunked AES-GCM: what goes in comes out, and any change, cut or swap is refused before it is handed out. */
class ChunkedAesGcmTest {
    private static final int CHUNK = ChunkedAesGcm.CHUNK_BYTES;
    private final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final ChunkedAesGcm cipher = new ChunkedAesGcm(secret);
    private final BackupId id = new BackupId(UUID.randomUUID());

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 12_345})
    void whatIsEncryptedDecryptsToTheSameBytes(int length) throws IOException {
        byte[] plain = bytes(length);

        assertThat(decrypt(encrypt(plain, id), id)).isEqualTo(plain);
    }

    @Test
    void theStoredBytesDoNotShowThePlainText() throws IOException {
        byte[] plain = "CREATE TABLE secret_customers (card text); 4111111111111111 "
                .repeat(1000)
                .getBytes(StandardCharsets.UTF_8);
        byte[] sealed = encrypt(plain, id);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("secret_customers")
                .doesNotContain("4111111111111111");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 16, 20, 40, CHUNK + 19, CHUNK + 30, 2 * CHUNK + 60})
    void aFlippedByteAnywhereFailsTheRead(int at) throws IOException {
        byte[] sealed = encrypt(bytes(2 * CHUNK + 100), id);
        int position = Math.min(at, sealed.length - 1);
        sealed[position] ^= 0x01;

        assertThatThrownBy(() -> decrypt(sealed, id))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void aBackupCutAtAChunkBoundaryOrInsideOneFailsTheRead() throws IOException {
        byte[] sealed = encrypt(bytes(2 * CHUNK + 100), id);
        int firstChunkEnd = 16 + 4 + CHUNK + 16;

        assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, firstChunkEnd), id))
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, sealed.length - 1), id))
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, 10), id)).hasMessageContaining("header");
    }

    @Test
    void bytesAfterTheLastChunkFailTheRead() throws IOException {
        byte[] sealed = encrypt(bytes(100), id);
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);

        assertThatThrownBy(() -> decrypt(longer, id)).hasMessageContaining("after its last chunk");
    }

    @Test
    void aBackupReadAsAnotherOrUnderAnotherKeyDoesNotDecrypt() throws IOException {
        byte[] sealed = encrypt(bytes(1000), id);
        ChunkedAesGcm otherKey =
                new ChunkedAesGcm("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> decrypt(sealed, new BackupId(UUID.randomUUID())))
                .hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> {
                    try (InputStream in = otherKey.decrypting(new ByteArrayInputStream(sealed), id)) {
                        in.readAllBytes();
                    }
                })
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void twoEncryptionsOfTheSameBytesDiffer() throws IOException {
        byte[] plain = bytes(5000);

        assertThat(encrypt(plain, id)).isNotEqualTo(encrypt(plain, id));
    }

    private byte[] encrypt(byte[] plain, BackupId backup) throws IOException {
        var sink = new ByteArrayOutputStream();
        try (OutputStream out = cipher.encrypting(sink, backup)) {
            for (int at = 0; at < plain.length; at += 100_003) {
                out.write(plain, at, Math.min(100_003, plain.length - at));
            }
        }
        return sink.toByteArray();
    }

    private byte[] decrypt(byte[] sealed, BackupId backup) throws IOException {
        try (InputStream in = cipher.decrypting(new ByteArrayInputStream(sealed), backup)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
