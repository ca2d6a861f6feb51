package dev.daap.adapters.backup.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.backup.ChunkedAesGcm;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import dev.daap.testing.BackupStoreContract;
import dev.daap.testing.TcpRelay;
import dev.daap.testing.TestS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 adapter against a real S3-compatible server (s3proxy, started by {@link TestS3}): the contract of every
 * backup store, uploads in several parts that are invisible until committed and leave nothing when abandoned, S3's
 * part limit, reads that resume after broken connections (cut by a {@link TcpRelay} in front of the server), damage
 * that the cipher catches, and no key in any message.
 */
class S3BackupStoreTest extends BackupStoreContract {
    /** S3's smallest part, which s3proxy enforces too. */
    private static final int PART = 5 * 1024 * 1024;

    private static final int MIB = 1024 * 1024;
    private static final String PREFIX = "backups/daap";

    private final TestS3 s3 = TestS3.shared();
    private final String bucket = s3.newBucket();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final S3Client raw = S3Client.builder()
            .endpointOverride(URI.create(s3.endpoint()))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            // s3proxy answers 501 to the SDK's default CRC trailer, as several S3-compatible servers do
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(TestS3.ACCESS_KEY_ID, TestS3.SECRET_ACCESS_KEY)))
            .build();
    private S3BackupStore store;

    @Override
    protected BackupStore store() {
        if (store == null) {
            store = opened(new S3BackupStore(settings(s3.environment()), PART));
        }
        return store;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : closing.reversed()) {
            resource.close();
        }
        raw.close();
    }

    @Test
    void anUploadOfSeveralPartsIsInvisibleUntilCommittedAndThenWhole() throws IOException {
        byte[] content = bytes(3 * PART + 12_345);
        try (BackupStore.Upload upload = store().upload("big.dump.daapenc")) {
            write(upload.stream(), content);
            assertThat(objects()).as("before the commit").isEmpty();
            assertThat(raw.listMultipartUploads(request -> request.bucket(bucket))
                            .uploads())
                    .as("the parts are sent while writing")
                    .hasSize(1);
            upload.commit();
        }

        assertThat(objects()).containsExactly(PREFIX + "/big.dump.daapenc");
        assertThat(raw.headObject(request -> request.bucket(bucket).key(PREFIX + "/big.dump.daapenc"))
                        .eTag())
                .as("a multipart object's ETag counts its parts")
                .endsWith("-4\"");
        try (InputStream in = store().read("big.dump.daapenc")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .isEmpty();
    }

    @Test
    void anAbandonedUploadOfSeveralPartsLeavesNoObjectNoUploadAndNoFile() throws IOException {
        try (BackupStore.Upload upload = store().upload("abandoned.dump.daapenc")) {
            write(upload.stream(), bytes(2 * PART + 1));
        }

        assertThat(objects()).isEmpty();
        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .isEmpty();
        assertThat(filesOfTheBucket()).as("what the server keeps on disk").isEmpty();
    }

    @Test
    void anUploadThatADeadWorkerLeftIsAbortedByTheNextUploadOfItsKey() throws IOException {
        BackupStore.Upload dead = store().upload("retried.dump.daapenc");
        write(dead.stream(), bytes(PART + 1)); // the first part is sent; then the worker "dies": no close
        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .hasSize(1);

        byte[] content = bytes(PART + 7);
        try (BackupStore.Upload again = store().upload("retried.dump.daapenc")) {
            write(again.stream(), content);
            again.commit();
        }

        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .isEmpty();
        try (InputStream in = store().read("retried.dump.daapenc")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aBackupLargerThanS3sPartLimitIsRefusedAndLeavesNothing() {
        var limited = opened(new S3BackupStore(settings(s3.environment()), PART, 3));

        assertThatThrownBy(() -> {
                    try (BackupStore.Upload upload = limited.upload("huge.dump.daapenc")) {
                        write(upload.stream(), bytes(3 * PART + 1));
                        upload.commit();
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("at most 3 parts of 5 MiB (15 MiB)")
                .hasMessageContaining("was not stored");
        assertThat(objects()).isEmpty();
        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .isEmpty();
    }

    @Test
    void aReadResumesWhereItBrokeOffWhenItsConnectionsBreak() throws IOException {
        byte[] content = bytes(8 * MIB + 3);
        upload(store(), "resumed.dump.daapenc", content);
        try (var relay = TcpRelay.to(s3.host(), s3.port())) {
            var relayed = opened(new S3BackupStore(settings(environmentThrough(relay)), PART));
            relay.breakEachConnectionAfter(2 * MIB);

            try (InputStream in = relayed.read("resumed.dump.daapenc")) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(relay.connections())
                    .as("one connection, and one per resume")
                    .isBetween(5, 6);
        }
    }

    @Test
    void aReadThatBreaksMoreOftenThanItMayResumeFailsAsAnIoError() throws IOException {
        upload(store(), "broken.dump.daapenc", bytes(8 * MIB));
        try (var relay = TcpRelay.to(s3.host(), s3.port())) {
            var relayed = opened(new S3BackupStore(settings(environmentThrough(relay)), PART));
            relay.breakEachConnectionAfter(MIB);

            try (InputStream in = relayed.read("broken.dump.daapenc")) {
                assertThatThrownBy(in::readAllBytes)
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("broke off at byte")
                        .hasMessageContaining("after 5 resumes");
            }
        }
    }

    @Test
    void aReadDoesNotResumeIntoAnObjectReplacedMeanwhile() throws IOException {
        upload(store(), "replaced.dump.daapenc", bytes(4 * MIB));
        try (var relay = TcpRelay.to(s3.host(), s3.port())) {
            var relayed = opened(new S3BackupStore(settings(environmentThrough(relay)), PART));
            relay.breakEachConnectionAfter(2 * MIB);

            try (InputStream in = relayed.read("replaced.dump.daapenc")) {
                in.readNBytes(MIB);
                upload(store(), "replaced.dump.daapenc", bytes(4 * MIB + 1));
                assertThatThrownBy(in::readAllBytes)
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("resuming " + PREFIX + "/replaced.dump.daapenc")
                        .hasMessageContaining("HTTP 412");
            }
        }
    }

    @Test
    void aTruncatedOrTamperedObjectFailsToDecryptBeforeItsDamagedBytesAreHandedOut() throws IOException {
        var cipher = new ChunkedAesGcm(new byte[32]);
        var id = new BackupId(UUID.randomUUID());
        byte[] plain = bytes(3 * 1024 * 1024 + 5);
        try (BackupStore.Upload upload = store().upload(id.storeKey())) {
            try (OutputStream out = cipher.encrypting(upload.stream(), id)) {
                write(out, plain);
            }
            upload.commit();
        }
        try (InputStream in = cipher.decrypting(store().read(id.storeKey()), id)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        String key = PREFIX + "/" + id.storeKey();
        byte[] stored =
                raw.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();

        raw.putObject(
                request -> request.bucket(bucket).key(key),
                RequestBody.fromBytes(Arrays.copyOf(stored, stored.length - 100)));
        assertThatThrownBy(() -> decryptWhole(cipher, id)).isInstanceOf(IOException.class);

        byte[] flipped = stored.clone();
        flipped[stored.length / 2] ^= 0x01;
        raw.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(flipped));
        assertThatThrownBy(() -> decryptWhole(cipher, id))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void wrongKeysFailWithMessagesThatHoldNeitherKey() {
        String wrongId = "AKIAWRONGKEYID0000001";
        String wrongSecret = "wrong-secret-" + UUID.randomUUID();
        Map<String, String> env = new java.util.HashMap<>(s3.environment());
        env.put("AWS_ACCESS_KEY_ID", wrongId);
        env.put("AWS_SECRET_ACCESS_KEY", wrongSecret);
        var wrongIdStore = opened(new S3BackupStore(settings(env), PART));
        env.put("AWS_ACCESS_KEY_ID", TestS3.ACCESS_KEY_ID);
        var wrongSecretStore = opened(new S3BackupStore(settings(env), PART));

        for (S3BackupStore wrong : List.of(wrongIdStore, wrongSecretStore)) {
            List<Throwable> failures = new ArrayList<>();
            failures.add(catching(() -> wrong.read("any.dump.daapenc").close()));
            failures.add(catching(() -> wrong.delete("any.dump.daapenc")));
            failures.add(catching(() -> {
                try (BackupStore.Upload upload = wrong.upload("any.dump.daapenc")) {
                    upload.stream().write(bytes(10));
                    upload.commit();
                }
            }));
            for (Throwable failure : failures) {
                assertThat(failure).isInstanceOf(BackupStoreException.class);
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    assertThat(String.valueOf(cause.getMessage()))
                            .doesNotContain(wrongId)
                            .doesNotContain(wrongSecret)
                            .doesNotContain(TestS3.SECRET_ACCESS_KEY);
                }
            }
            assertThat(wrong.describe() + settings(env))
                    .doesNotContain(wrongSecret)
                    .doesNotContain(wrongId);
        }
    }

    private static Throwable catching(ThrowingRunnable action) {
        try {
            action.run();
        } catch (Throwable failure) {
            return failure;
        }
        throw new AssertionError("no failure");
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void decryptWhole(ChunkedAesGcm cipher, BackupId id) throws IOException {
        try (InputStream in = cipher.decrypting(store().read(id.storeKey()), id)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private S3Settings settings(Map<String, String> env) {
        return S3Settings.fromEnvironment(new S3Location(bucket, PREFIX), env);
    }

    private Map<String, String> environmentThrough(TcpRelay relay) {
        Map<String, String> env = new java.util.HashMap<>(s3.environment());
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + relay.port());
        return env;
    }

    private S3BackupStore opened(S3BackupStore opened) {
        closing.add(opened);
        return opened;
    }

    private List<String> objects() {
        // under the prefix: s3proxy's folder store keeps the parts of unfinished uploads as objects of their own
        return raw.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(PREFIX + "/")).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private List<Path> filesOfTheBucket() throws IOException {
        try (Stream<Path> files = Files.walk(s3.folderOf(bucket))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void upload(BackupStore store, String key, byte[] content) throws IOException {
        try (BackupStore.Upload upload = store.upload(key)) {
            write(upload.stream(), content);
            upload.commit();
        }
    }

    private static void write(OutputStream out, byte[] content) throws IOException {
        for (int at = 0; at < content.length; at += 100_003) {
            out.write(content, at, Math.min(100_003, content.length - at));
        }
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
