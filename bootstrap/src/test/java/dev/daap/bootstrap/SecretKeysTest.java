package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class SecretKeysTest {
    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SecretKeys.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void theVariableGivesTheKeyAndNoFileIsWritten() {
        byte[] key = randomKey();
        Path dataDir = temp.resolve("data");

        byte[] loaded = SecretKeys.load(
                        Map.of("DAAP_SECRET_KEY", Base64.getEncoder().encodeToString(key)), dataDir)
                .bytes();

        assertThat(loaded).isEqualTo(key);
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void theVariableMayBeUrlSafeUnpaddedOrEndInANewline() {
        byte[] key = randomKey();
        key[0] = (byte) 0xFB; // with the next bytes, standard base64 starts "+" and "/", URL-safe "-" and "_"
        key[1] = (byte) 0xFF;
        key[2] = (byte) 0xFF;
        String standard = Base64.getEncoder().encodeToString(key);
        String urlSafe = Base64.getUrlEncoder().encodeToString(key);
        assertThat(standard).contains("+", "/");
        assertThat(urlSafe).contains("-", "_");

        for (String value :
                List.of(standard, urlSafe, urlSafe.replace("=", ""), standard.replace("=", ""), standard + "\n")) {
            assertThat(SecretKeys.load(Map.of("DAAP_SECRET_KEY", value), temp).bytes())
                    .as(value)
                    .isEqualTo(key);
        }
    }

    @Test
    void theVariableWinsOverAnExistingKeyFile() {
        SecretKeys.load(Map.of(), temp);
        byte[] configured = randomKey();

        assertThat(SecretKeys.load(Map.of("DAAP_SECRET_KEY", Base64.getEncoder().encodeToString(configured)), temp)
                        .bytes())
                .isEqualTo(configured);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "this is not base64!",
                "MDEyMzQ1Njc4OWFiY2RlZg==", // 16 bytes: an AES-128 key
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWZn", // 33 bytes
                "+/+/-_-_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlh", // both alphabets at once
                "   "
            })
    void aBadVariableStopsStartUpNamingItAndHowToMakeOne(String value) {
        assertThatThrownBy(() -> SecretKeys.load(Map.of("DAAP_SECRET_KEY", value), temp))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DAAP_SECRET_KEY ")
                .hasMessageContaining("openssl rand -base64 32")
                .satisfies(e -> {
                    if (!value.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(value); // a secret is not echoed
                    }
                });
        assertThat(temp.resolve("secret.key")).doesNotExist();
    }

    @Test
    void withoutTheVariableAKeyFileIsCreatedOwnerOnlyAndReused() throws IOException {
        Path dataDir = temp.resolve("missing/data");

        byte[] first = SecretKeys.load(Map.of(), dataDir).bytes();
        byte[] second = SecretKeys.load(Map.of(), dataDir).bytes();

        Path file = dataDir.resolve("secret.key");
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void everyNewKeyFileHoldsAFreshKey() {
        assertThat(SecretKeys.load(Map.of(), temp.resolve("one")).bytes())
                .isNotEqualTo(SecretKeys.load(Map.of(), temp.resolve("two")).bytes());
    }

    @Test
    void generatingAKeyIsLoggedOnceWithoutTheKey() throws IOException {
        byte[] key = SecretKeys.load(Map.of(), temp).bytes();
        SecretKeys.load(Map.of(), temp);

        Path file = temp.resolve("secret.key");
        List<ILoggingEvent> mine = logged.list.stream()
                .filter(event -> event.getFormattedMessage().contains(file.toString()))
                .toList();
        assertThat(mine).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("Back it up");
        });
        String encoded = Files.readString(file).strip();
        assertThat(logged.list)
                .allSatisfy(event -> assertThat(event.getFormattedMessage())
                        .doesNotContain(encoded, Base64.getUrlEncoder().encodeToString(key)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"})
    void aKeyFileOthersCanReachIsRefused(String permissions) throws IOException {
        Path file = temp.resolve("secret.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(randomKey()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> SecretKeys.load(Map.of(), temp))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void aDamagedKeyFileIsRefusedAndLeftAsItIs() throws IOException {
        Path file = temp.resolve("secret.key");
        Files.writeString(file, "MDEyMzQ1Njc4OWFiY2RlZg==\n"); // 16 bytes
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SecretKeys.load(Map.of(), temp))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("restore it from your backup");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo("MDEyMzQ1Njc4OWFiY2RlZg==\n");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
