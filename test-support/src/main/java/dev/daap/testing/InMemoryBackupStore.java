package dev.daap.testing;

import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link BackupStore} port in memory, keeping the rules of {@link BackupStoreContract}. */
public final class InMemoryBackupStore implements BackupStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public Upload upload(String key) {
        var buffer = new ByteArrayOutputStream();
        return new Upload() {
            @Override
            public OutputStream stream() {
                return buffer;
            }

            @Override
            public void commit() {
                objects.put(key, buffer.toByteArray());
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public InputStream read(String key) {
        byte[] object = objects.get(key);
        if (object == null) {
            throw new BackupStoreException("the store has no object " + key);
        }
        return new ByteArrayInputStream(object);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public String describe() {
        return "memory";
    }

    /** The stored bytes of {@code key}, for tests that look at or damage them. */
    public Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }
}
