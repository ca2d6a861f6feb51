package dev.daap.adapters.backup.s3;

import dev.daap.domain.backup.BackupStoreException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object read as one stream that survives broken connections: when the body breaks off before its length, the
 * rest is asked for again from where it stopped (a ranged GET, only if the object is still the one whose first bytes
 * were read: same ETag), at most {@value #MAX_RESUMES} times per stream. A restore of many gigabytes should not fail
 * for one reset.
 */
final class ResumingObjectStream extends InputStream {
    static final int MAX_RESUMES = 5;
    private static final Logger log = LoggerFactory.getLogger(ResumingObjectStream.class);

    private final S3Client client;
    private final S3Settings settings;
    private final String objectKey;
    private final long length;
    private final String etag;
    private ResponseInputStream<GetObjectResponse> body;
    private long position;
    private int resumes;
    private boolean closed;

    ResumingObjectStream(
            S3Client client, S3Settings settings, String objectKey, ResponseInputStream<GetObjectResponse> body) {
        this.client = client;
        this.settings = settings;
        this.objectKey = objectKey;
        this.body = body;
        Long announced = body.response().contentLength();
        if (announced == null) {
            // S3 always says; a server that does not leaves no way to tell a cut body from a whole one
            body.abort();
            throw new BackupStoreException(
                    "S3 store " + settings.describe() + " sent " + objectKey + " without its length (Content-Length)");
        }
        this.length = announced;
        this.etag = body.response().eTag();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
        if (closed) {
            throw new IOException("the stream of " + objectKey + " is closed");
        }
        if (count == 0) {
            return 0;
        }
        while (position < length) {
            try {
                int n = body.read(bytes, offset, (int) Math.min(count, length - position));
                if (n > 0) {
                    position += n;
                    return n;
                }
                resume(new IOException("the connection ended"));
            } catch (IOException e) {
                resume(e);
            }
        }
        return -1;
    }

    /** A new request for the rest; the broken one is aborted, not drained. */
    private void resume(IOException broken) throws IOException {
        if (resumes == MAX_RESUMES) {
            throw new IOException(
                    "reading " + objectKey + " broke off at byte " + position + " of " + length + " after "
                            + MAX_RESUMES + " resumes: " + settings.redact(broken.getMessage()),
                    broken);
        }
        resumes++;
        body.abort();
        try {
            body = client.getObject(
                    request -> request.bucket(settings.location().bucket())
                            .key(objectKey)
                            .range("bytes=" + position + "-")
                            .ifMatch(etag));
        } catch (SdkException e) {
            throw new IOException(S3BackupStore.failure(settings, "resuming " + objectKey + " at byte " + position, e)
                    .getMessage());
        }
        log.info(
                "Resumed reading {} at byte {} of {} (resume {} of {}) after: {}",
                objectKey,
                position,
                length,
                resumes,
                MAX_RESUMES,
                settings.redact(broken.getMessage()));
    }

    /** Before the end: the connection is dropped rather than read to the end of a large object. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (position < length) {
            body.abort();
        }
        body.close();
    }
}
