package dev.daap.domain.backup;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encrypts backups on DAAP's side before they reach the store, and authenticates them as they come back (a secondary
 * port). Each backup is bound to its id: an object moved under another backup's name does not decrypt.
 */
public interface BackupCipher {

    /** A stream that encrypts what is written to it into {@code sink}; closing it finishes and closes the sink. */
    OutputStream encrypting(OutputStream sink, BackupId id);

    /**
     * A stream of the plain bytes of {@code source}; a read throws an {@code IOException} as soon as a byte was
     * changed, a chunk was moved or the object was cut short, before it hands out anything unauthenticated.
     */
    InputStream decrypting(InputStream source, BackupId id);
}
