package dev.daap.adapters.backup.s3;

import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One object being written: bytes gather in a buffer of one part; a full part is sent once more bytes follow, so the
 * last part, however small, is sent by {@link #commit()}. An object smaller than a part is one plain PUT. Nothing is
 * visible under the key before the commit; a multipart upload that is closed without one is aborted.
 */
final class S3Upload implements BackupStore.Upload {
    private static final Logger log = LoggerFactory.getLogger(S3Upload.class);
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client client;
    private final S3Settings settings;
    private final String objectKey;
    private final int maxParts;
    private final PartStream stream;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buffer;
    private int filled;
    private String uploadId;
    private boolean committed;

    S3Upload(S3Client client, S3Settings settings, String objectKey, int partBytes, int maxParts) {
        this.client = client;
        this.maxParts = maxParts;
        this.settings = settings;
        this.objectKey = objectKey;
        this.buffer = new byte[partBytes];
        this.stream = new PartStream();
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void commit() {
        if (committed) {
            return;
        }
        if (buffer == null) {
            throw new BackupStoreException("the upload of " + objectKey + " was closed before its commit");
        }
        try {
            if (uploadId == null) {
                client.putObject(
                        request -> request.bucket(bucket())
                                .key(objectKey)
                                .contentType(CONTENT_TYPE)
                                .contentLength((long) filled),
                        body());
            } else {
                sendPart();
                client.completeMultipartUpload(request -> request.bucket(bucket())
                        .key(objectKey)
                        .uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(parts)));
            }
        } catch (SdkException e) {
            throw S3BackupStore.failure(settings, "storing " + objectKey, e);
        }
        committed = true;
        buffer = null;
    }

    /** Without a commit: aborts the multipart upload, so that the server drops its parts. */
    @Override
    public void close() {
        buffer = null; // a part's worth of memory, for the garbage collector now
        if (committed || uploadId == null) {
            return;
        }
        try {
            client.abortMultipartUpload(
                    request -> request.bucket(bucket()).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            // Never visible as an object; the next upload of the key aborts it, as can a bucket lifecycle rule.
            log.warn(
                    "Could not abort the unfinished upload of {} in {}: {}",
                    objectKey,
                    settings.describe(),
                    settings.redact(e.getMessage()));
        }
    }

    /** Sends the buffer as the next part, starting the multipart upload with the first. */
    private void sendPart() {
        if (uploadId == null) {
            uploadId = client.createMultipartUpload(
                            request -> request.bucket(bucket()).key(objectKey).contentType(CONTENT_TYPE))
                    .uploadId();
        }
        int number = parts.size() + 1;
        String etag = client.uploadPart(
                        request -> request.bucket(bucket())
                                .key(objectKey)
                                .uploadId(uploadId)
                                .partNumber(number)
                                .contentLength((long) filled),
                        body())
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
    }

    /** The buffer as it is now, readable again for a retry or for signing, without a copy. */
    private RequestBody body() {
        byte[] bytes = buffer;
        int length = filled;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
    }

    private static String size(long bytes) {
        long mib = 1024 * 1024;
        if (bytes >= 1024 * mib) {
            return bytes / (1024 * mib) + " GiB";
        }
        return bytes >= mib ? bytes / mib + " MiB" : bytes + " bytes";
    }

    private String bucket() {
        return settings.location().bucket();
    }

    /** What the writer writes to; closing it ends the writing, not the upload (that is commit or close). */
    private final class PartStream extends OutputStream {
        private boolean ended;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (ended || buffer == null) {
                throw new IOException("the upload of " + objectKey + " is closed");
            }
            while (length > 0) {
                if (filled == buffer.length) {
                    full();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        /** More bytes follow a full part: it is not the last one, so it goes now. */
        private void full() throws IOException {
            if (parts.size() + 1 >= maxParts) {
                throw new IOException("a backup in S3 is at most " + maxParts + " parts of " + size(buffer.length)
                        + " (" + size((long) buffer.length * maxParts) + "); this one is larger, and was not stored");
            }
            try {
                sendPart();
            } catch (SdkException e) {
                throw new IOException(
                        S3BackupStore.failure(settings, "storing part " + (parts.size() + 1) + " of " + objectKey, e)
                                .getMessage());
            }
        }

        @Override
        public void close() {
            ended = true;
        }
    }
}
