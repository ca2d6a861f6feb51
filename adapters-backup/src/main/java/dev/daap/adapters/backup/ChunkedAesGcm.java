package dev.daap.adapters.backup;

import dev.daap.domain.backup.BackupCipher;
import dev.daap.domain.backup.BackupId;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over a stream in chunks of {@value #CHUNK_BYTES} bytes, so neither side holds more than a chunk (GCM
 * authenticates a message only at its end, which for a whole dump would mean holding it). Its key is derived from
 * DAAP's secret key for backups alone (see {@code CredentialCipher#derivedKey}), never the key of stored passwords.
 *
 * <p>Format: the magic {@code DAAPBK1\n} and a random 8-byte prefix; then chunks, each a 4-byte length (its top
 * bit set on the last chunk) and the ciphertext with its 16-byte tag. Chunk {@code n}'s nonce is the prefix and {@code n}; its associated data are the
 * backup's id, {@code n} and whether it is the last. A flipped byte fails its chunk's tag, a chunk moved or taken
 * from another backup fails too, and a stream cut after any chunk lacks the one marked last: each is an
 * {@link IOException} before the bytes in question are handed out.
 */
public final class ChunkedAesGcm implements BackupCipher {
    static final int CHUNK_BYTES = 1 << 20;
    private static final byte[] MAGIC = "DAAPBK1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX_BYTES = 8;
    private static final int TAG_BYTES = 16;
    private static final int LAST_CHUNK = 0x8000_0000;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key the backups' own AES-256 key (32 bytes), derived from DAAP's secret key; copied */
    public ChunkedAesGcm(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public OutputStream encrypting(OutputStream sink, BackupId id) {
        byte[] prefix = new byte[PREFIX_BYTES];
        random.nextBytes(prefix);
        return new Encrypting(sink, id, prefix);
    }

    @Override
    public InputStream decrypting(InputStream source, BackupId id) {
        return new Decrypting(source, id);
    }

    private Cipher cipher(int mode, byte[] prefix, long chunk, BackupId id, boolean last) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            byte[] nonce = ByteBuffer.allocate(12)
                    .put(prefix)
                    .putInt(Math.toIntExact(chunk))
                    .array();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(ByteBuffer.allocate(33)
                    .putLong(id.value().getMostSignificantBits())
                    .putLong(id.value().getLeastSignificantBits())
                    .putLong(chunk)
                    .put((byte) (last ? 1 : 0))
                    .array());
            return cipher;
        } catch (ArithmeticException e) {
            throw new IllegalStateException("a backup has at most 2^31 chunks of " + CHUNK_BYTES + " bytes");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot use " + TRANSFORMATION, e);
        }
    }

    private final class Encrypting extends FilterOutputStream {
        private final BackupId id;
        private final byte[] prefix;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private long chunk;
        private boolean headerWritten;
        private boolean closed;

        Encrypting(OutputStream sink, BackupId id, byte[] prefix) {
            super(sink);
            this.id = id;
            this.prefix = prefix;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            while (length > 0) {
                if (filled == buffer.length) {
                    seal(false); // a full chunk is sealed once more comes; the last one at close, perhaps empty
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            if (!headerWritten) {
                out.write(MAGIC);
                out.write(prefix);
                headerWritten = true;
            }
            try {
                byte[] sealed =
                        cipher(Cipher.ENCRYPT_MODE, prefix, chunk, id, last).doFinal(buffer, 0, filled);
                out.write(ByteBuffer.allocate(4)
                        .putInt(sealed.length | (last ? LAST_CHUNK : 0))
                        .array());
                out.write(sealed);
            } catch (GeneralSecurityException e) {
                throw new IOException("encrypting chunk " + chunk + " failed", e);
            }
            chunk++;
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                seal(true);
            } finally {
                Arrays.fill(buffer, (byte) 0);
                out.close();
            }
        }
    }

    private final class Decrypting extends InputStream {
        private final DataInputStream in;
        private final BackupId id;
        private byte[] prefix;
        private byte[] plain = new byte[0];
        private int position;
        private long chunk;
        private boolean last;

        Decrypting(InputStream source, BackupId id) {
            this.in = new DataInputStream(source);
            this.id = id;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (last) {
                    return -1;
                }
                nextChunk();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, target, offset, n);
            position += n;
            return n;
        }

        private void nextChunk() throws IOException {
            if (prefix == null) {
                readHeader();
            }
            int length;
            try {
                int raw = in.readInt();
                last = (raw & LAST_CHUNK) != 0; // authenticated: the tag covers it as associated data
                length = raw & ~LAST_CHUNK;
            } catch (EOFException e) {
                throw damaged("it ends after chunk " + (chunk - 1) + " without its last chunk: it was cut short");
            }
            if (length < TAG_BYTES || length > CHUNK_BYTES + TAG_BYTES) {
                throw damaged("chunk " + chunk + " has an impossible length");
            }
            byte[] sealed = new byte[length];
            try {
                in.readFully(sealed);
            } catch (EOFException e) {
                throw damaged("chunk " + chunk + " was cut short");
            }
            plain = open(sealed);
            position = 0;
            chunk++;
            if (last && in.read() != -1) {
                throw damaged("it has bytes after its last chunk");
            }
        }

        private byte[] open(byte[] sealed) throws IOException {
            try {
                return cipher(Cipher.DECRYPT_MODE, prefix, chunk, id, last).doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw damaged("chunk " + chunk + " does not authenticate: it was changed, or it is not this"
                        + " backup's, or it was encrypted under another DAAP_SECRET_KEY");
            } catch (GeneralSecurityException e) {
                throw new IOException("decrypting chunk " + chunk + " failed", e);
            }
        }

        private void readHeader() throws IOException {
            byte[] header = new byte[MAGIC.length + PREFIX_BYTES];
            try {
                in.readFully(header);
            } catch (EOFException e) {
                throw damaged("it is shorter than its header");
            }
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw damaged("it does not start as a DAAP backup does");
            }
            prefix = Arrays.copyOfRange(header, MAGIC.length, header.length);
        }

        private IOException damaged(String why) {
            return new IOException("backup " + id + " is damaged: " + why);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
