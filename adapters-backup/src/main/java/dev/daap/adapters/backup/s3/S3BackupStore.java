package dev.daap.adapters.backup.s3;

import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Backups as objects in S3 or an S3-compatible server (MinIO, Ceph, s3proxy…), one object per backup under the
 * configured prefix. An upload streams in parts of {@value #PART_BYTES} bytes (one part in memory at a time, nothing
 * on disk) and becomes an object only when the multipart upload is completed, which S3 does atomically; one that is
 * not committed is aborted, and one a dead worker left is aborted by the next upload of its key. A read resumes with
 * ranged requests after a broken connection, so a long restore survives a reset.
 *
 * <p>The SDK's newer integrity checks (a CRC trailer on every upload, checked on every download) are asked for only
 * where the API requires them: several S3-compatible servers reject the trailer, and every byte a backup holds is
 * authenticated by its AES-GCM chunks anyway.
 */
public final class S3BackupStore implements BackupStore, AutoCloseable {
    /** 16 MiB: at S3's limit of {@value #MAX_PARTS} parts, an object of 156 GiB. */
    public static final int PART_BYTES = 16 * 1024 * 1024;

    /** S3's smallest part but the last. */
    public static final int MIN_PART_BYTES = 5 * 1024 * 1024;

    /** S3's limit of parts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(S3BackupStore.class);

    private final S3Client client;
    private final S3Settings settings;
    private final int partBytes;
    private final int maxParts;

    /** The store of {@code settings}, with parts of {@value #PART_BYTES} bytes. */
    public static S3BackupStore open(S3Settings settings) {
        return new S3BackupStore(settings, PART_BYTES);
    }

    /** @param partBytes the size of each part but the last, at least 5 MiB (tests take the least to see many parts) */
    public S3BackupStore(S3Settings settings, int partBytes) {
        this(settings, partBytes, MAX_PARTS);
    }

    /** @param maxParts S3's limit, lower in a test that sees the refusal without uploading 10,000 parts */
    S3BackupStore(S3Settings settings, int partBytes, int maxParts) {
        if (partBytes < MIN_PART_BYTES || maxParts < 1) {
            throw new IllegalArgumentException("S3 takes parts of at least 5 MiB, and at least one");
        }
        this.settings = settings;
        this.partBytes = partBytes;
        this.maxParts = maxParts;
        this.client = client(settings);
    }

    private static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                        // an S3-compatible server rarely has a DNS name per bucket
                        .forcePathStyle(true));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.credentials()
                .<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(
                        keys.sessionToken().isPresent()
                                ? AwsSessionCredentials.create(
                                        keys.accessKeyId(),
                                        keys.secretAccessKey(),
                                        keys.sessionToken().get())
                                : AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    @Override
    public Upload upload(String key) {
        String objectKey = settings.location().objectKey(key);
        abortUploadsLeftBehind(objectKey);
        return new S3Upload(client, settings, objectKey, partBytes, maxParts);
    }

    /**
     * Multipart uploads of {@code objectKey} that a worker left when it died: its job, taken again, uploads anew. A
     * server that cannot list them is not a reason to fail the backup (a bucket lifecycle rule cleans them too).
     */
    private void abortUploadsLeftBehind(String objectKey) {
        try {
            for (MultipartUpload left : client.listMultipartUploadsPaginator(request ->
                            request.bucket(settings.location().bucket()).prefix(objectKey))
                    .uploads()) {
                if (left.key().equals(objectKey)) {
                    client.abortMultipartUpload(
                            request -> request.bucket(settings.location().bucket())
                                    .key(objectKey)
                                    .uploadId(left.uploadId()));
                    log.info("Aborted an unfinished upload of {} in {}", objectKey, describe());
                }
            }
        } catch (SdkException e) {
            log.warn(
                    "Could not look for unfinished uploads of {} in {}: {}",
                    objectKey,
                    describe(),
                    settings.redact(e.getMessage()));
        }
    }

    @Override
    public InputStream read(String key) {
        String objectKey = settings.location().objectKey(key);
        ResponseInputStream<GetObjectResponse> first;
        try {
            first = client.getObject(
                    request -> request.bucket(settings.location().bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            throw new BackupStoreException(describe() + " has no object " + objectKey);
        } catch (SdkException e) {
            throw failure("reading " + objectKey, e);
        }
        return new ResumingObjectStream(client, settings, objectKey, first);
    }

    @Override
    public void delete(String key) {
        String objectKey = settings.location().objectKey(key);
        try {
            client.deleteObject(
                    request -> request.bucket(settings.location().bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            // gone already: as the port asks
        } catch (SdkException e) {
            throw failure("deleting " + objectKey, e);
        }
    }

    @Override
    public String describe() {
        return "S3 store " + settings.describe();
    }

    private BackupStoreException failure(String what, SdkException e) {
        return failure(settings, what, e);
    }

    /** The SDK's message without our keys; the cause only when it held none (its message is printed with it). */
    static BackupStoreException failure(S3Settings settings, String what, SdkException e) {
        String message = e.getMessage();
        String redacted = settings.redact(message);
        String text = what + " in S3 store " + settings.describe() + " failed: " + redacted
                + (e instanceof S3Exception s3 ? " (HTTP " + s3.statusCode() + ")" : "");
        return redacted == null || redacted.equals(message)
                ? new BackupStoreException(text, e)
                : new BackupStoreException(text);
    }

    /** Closes the HTTP connections; called at shutdown, after the workers stopped. */
    @Override
    public void close() {
        client.close();
    }
}
