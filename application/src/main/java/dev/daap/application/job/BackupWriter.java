package dev.daap.application.job;

import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupCipher;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Streams a backup into the store: what the producer writes is encrypted in chunks, counted and hashed on its way to
 * the store's upload, which is committed only after the producer returned. Nothing is held whole in memory or
 * written to local disk on the way; the size and SHA-256 are of the bytes the store keeps.
 */
public final class BackupWriter {
    private final BackupStore store;
    private final BackupCipher cipher;

    public BackupWriter(BackupStore store, BackupCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    /**
     * @param producer writes the plain backup; when it fails, the upload is closed without a commit (no object), and
     *                 the encrypted stream is not finished (no last chunk is written for what is incomplete)
     */
    public Backup.Stored write(BackupId id, Consumer<OutputStream> producer) {
        try (BackupStore.Upload upload = store.upload(id.storeKey())) {
            var measured = new Measured(upload.stream());
            OutputStream plain = cipher.encrypting(measured, id);
            producer.accept(plain);
            close(plain, id); // seals the last chunk: only after the producer succeeded
            upload.commit();
            return new Backup.Stored(measured.count, HexFormat.of().formatHex(measured.digest.digest()));
        }
    }

    private void close(OutputStream plain, BackupId id) {
        try {
            plain.close();
        } catch (IOException e) {
            throw new BackupStoreException(
                    "writing backup " + id + " to " + store.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** Counts and hashes what passes to the store. */
    private static final class Measured extends FilterOutputStream {
        private final MessageDigest digest;
        private long count;

        Measured(OutputStream out) {
            super(out);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            digest.update(bytes, offset, length);
            count += length;
        }
    }
}
