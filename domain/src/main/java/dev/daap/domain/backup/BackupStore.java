package dev.daap.domain.backup;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where backups are kept, off the clusters (a secondary port): a folder, or S3-compatible object storage. Objects are
 * written as a stream (never whole in memory) and become visible only when {@link Upload#commit()} succeeds, so a
 * crash mid-upload leaves no object that looks complete. Failures are {@link BackupStoreException}s without secrets.
 */
public interface BackupStore {

    /** Starts writing the object {@code key}, replacing any earlier one of that key once committed. */
    Upload upload(String key);

    /** Reads the object {@code key}; throws {@link BackupStoreException} when there is none. */
    InputStream read(String key);

    /** Removes the object {@code key}; nothing for one that is not there. */
    void delete(String key);

    /** Where the store is, without secrets: for logs and messages. */
    String describe();

    /** An object being written. {@link #close()} without a {@link #commit()} discards what was written. */
    interface Upload extends AutoCloseable {
        OutputStream stream();

        /** Makes the object visible under its key, whole; the stream must have been written to the end. */
        void commit();

        @Override
        void close();
    }
}
