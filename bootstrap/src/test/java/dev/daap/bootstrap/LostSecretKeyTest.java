package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when the key that encrypted the stored passwords is not the one DAAP starts with: the
 * message names where this key came from (a key file lost with a re-created container, a replaced file, the
 * variable), never a variable the operator did not set, and restoring the original key starts DAAP again.
 */
class LostSecretKeyTest {
    @TempDir
    Path temp;

    @Test
    void aKeyFileLostWithItsFolderIsReportedAsLostAndNoNewKeyIsKept() throws Exception {
        Map<String, String> env = externalDatabaseWithDataDir(temp.resolve("first-container"));
        start(env); // the first start generates the key file and records its key id
        Path original = temp.resolve("first-container/secret.key");
        assertThat(original).exists();

        Map<String, String> recreated = new HashMap<>(env);
        Path newFolder = temp.resolve("second-container");
        recreated.put("DAAP_DATA_DIR", newFolder.toString());
        assertThatThrownBy(() -> start(recreated))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no key file " + newFolder.resolve("secret.key"))
                .hasMessageContaining("the key file was lost", "keep it on a volume", "Restore secret.key")
                .hasMessageNotContaining("DAAP_SECRET_KEY is not")
                .hasMessageNotContaining("DATABASE_URL");
        assertThat(newFolder.resolve("secret.key"))
                .as("the key made by the failed start is not kept to pass for the original")
                .doesNotExist();

        Files.copy(original, newFolder.resolve("secret.key"), StandardCopyOption.COPY_ATTRIBUTES);
        start(recreated); // restored from the backup: it starts
    }

    @Test
    void aReplacedKeyFileIsNamedAsTheFile() throws Exception {
        Map<String, String> env = externalDatabaseWithDataDir(temp.resolve("data"));
        start(env);
        Path file = temp.resolve("data/secret.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(randomKey()) + "\n");

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the key file " + file + " is not the key that encrypted")
                .hasMessageContaining("restore the original file from your backup");
        assertThat(file).exists();
    }

    @Test
    void aWrongVariableIsNamedAsTheVariable() {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_SECRET_KEY", Base64.getEncoder().encodeToString(randomKey()));
        start(env);
        env.put("DAAP_SECRET_KEY", Base64.getEncoder().encodeToString(randomKey()));

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DAAP_SECRET_KEY is not the key that encrypted the stored database passwords")
                .hasMessageContaining("set it to the original key");
    }

    private static Map<String, String> externalDatabaseWithDataDir(Path dataDir) {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_DATA_DIR", dataDir.toString());
        return env;
    }

    private static void start(Map<String, String> env) {
        RunningDaap.start(env).close();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
