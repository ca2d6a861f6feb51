package dev.daap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible server for the tests of one JVM: s3proxy from Maven Central (its all-in-one jar, which the
 * build copies to {@code target/s3proxy/s3proxy.jar}, or where {@code -Ddaap.s3proxy.jar} says), run as its own
 * process over a folder, with AWS signatures checked against the keys below. Each test takes a fresh bucket.
 */
public final class TestS3 {
    public static final String ACCESS_KEY_ID = "test-access-key-id";
    public static final String SECRET_ACCESS_KEY = "test-secret-access-key-0123456789";
    public static final String REGION = "us-east-1";
    private static final Logger log = LoggerFactory.getLogger(TestS3.class);
    private static TestS3 shared;

    private final int port;
    private final Path data;

    private TestS3(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    public static synchronized TestS3 shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Where its all-in-one jar is: {@code -Ddaap.s3proxy.jar}, or where the module's build copied it. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("daap.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no s3proxy jar at " + jar.toAbsolutePath() + ": the module's build copies "
                    + "it there (maven-dependency-plugin, execution s3proxy-for-tests); run the tests with Maven");
        }
        return jar;
    }

    private static TestS3 start() {
        try {
            Path folder = Files.createTempDirectory("daap-test-s3-");
            Path data = Files.createDirectory(folder.resolve("data"));
            int port = freePort();
            Path properties = folder.resolve("s3proxy.properties");
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY_ID,
                            "s3proxy.credential=" + SECRET_ACCESS_KEY,
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + data,
                            ""));
            Path logFile = folder.resolve("s3proxy.log");
            Process process = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-jar",
                            jar().toAbsolutePath().toString(),
                            "--properties",
                            properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "test-s3-stop"));
            Awaitility.await("s3proxy on port " + port)
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ":\n"
                                    + Files.readString(logFile, StandardCharsets.UTF_8));
                        }
                        return accepts(port);
                    });
            log.info("Tests use s3proxy on port {} over {}", port, data);
            return new TestS3(port, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://" + host() + ":" + port;
    }

    /** A new, empty bucket (a folder of the server's, which is how its filesystem store keeps buckets). */
    public String newBucket() {
        String bucket = "test-" + UUID.randomUUID().toString().substring(0, 18);
        try {
            Files.createDirectory(data.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bucket;
    }

    /** Where the server keeps a bucket's objects (and the parts of its unfinished uploads). */
    public Path folderOf(String bucket) {
        return data.resolve(bucket);
    }

    /** The AWS variables that point DAAP (or any AWS tool) at this server with its keys. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint(),
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    }
}
