package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules every {@link BackupStore} keeps: the folder adapter and the S3 adapter both extend this class. */
public abstract class BackupStoreContract {

    protected abstract BackupStore store();

    @Test
    void aCommittedUploadReadsBackByteForByte() throws IOException {
        String key = key();
        byte[] written = bytes(3 * 1024 * 1024 + 17);
        upload(key, written);

        try (InputStream in = store().read(key)) {
            assertThat(in.readAllBytes()).isEqualTo(written);
        }
    }

    @Test
    void anUploadClosedWithoutACommitLeavesNothingBehind() throws IOException {
        String key = key();
        try (BackupStore.Upload upload = store().upload(key)) {
            upload.stream().write(bytes(1000));
        }

        assertThatThrownBy(() -> store().read(key).close()).isInstanceOf(BackupStoreException.class);
    }

    @Test
    void anUploadReplacesTheObjectOfItsKeyOnlyWhenCommitted() throws IOException {
        String key = key();
        byte[] first = bytes(500);
        upload(key, first);
        try (BackupStore.Upload upload = store().upload(key)) {
            upload.stream().write(bytes(700));
        }
        try (InputStream in = store().read(key)) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
        byte[] second = bytes(900);
        upload(key, second);
        try (InputStream in = store().read(key)) {
            assertThat(in.readAllBytes()).isEqualTo(second);
        }
    }

    @Test
    void aDeletedObjectIsGoneAndDeletingItAgainIsHarmless() throws IOException {
        String key = key();
        upload(key, bytes(10));

        store().delete(key);
        store().delete(key);

        assertThatThrownBy(() -> store().read(key).close())
                .isInstanceOf(BackupStoreException.class)
                .hasMessageContaining(key);
    }

    private void upload(String key, byte[] content) throws IOException {
        try (BackupStore.Upload upload = store().upload(key)) {
            OutputStream out = upload.stream();
            for (int at = 0; at < content.length; at += 65_537) {
                out.write(content, at, Math.min(65_537, content.length - at));
            }
            upload.commit();
        }
    }

    private static String key() {
        return UUID.randomUUID() + ".dump.daapenc";
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
