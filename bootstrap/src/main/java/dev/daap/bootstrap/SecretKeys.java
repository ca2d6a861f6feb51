package dev.daap.bootstrap;

import dev.daap.embedded.FilePermissions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 32-byte key that encrypts stored credentials: {@code DAAP_SECRET_KEY} when set, else the key file
 * {@code <DAAP_DATA_DIR>/secret.key}, which the first start generates (owner-only) and every later start reuses.
 * The key itself is never logged nor put in a message.
 */
final class SecretKeys {
    static final String VARIABLE = "DAAP_SECRET_KEY";
    static final String FILE_NAME = "secret.key";
    static final int KEY_BYTES = 32;
    private static final String HOW_TO_MAKE_ONE = "make one with `openssl rand -base64 32`";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {}

    /**
     * A key and where it came from, which decides what to tell an operator whose key does not fit the stored secrets.
     *
     * @param file the key file, or null for the variable
     */
    record SecretKey(byte[] bytes, Source source, Path file) {
        enum Source {
            VARIABLE,
            KEY_FILE,
            /** No key file was there, so this start made one. */
            NEW_KEY_FILE
        }
    }

    static SecretKey load(Map<String, String> env, Path dataDir) {
        String configured = env.get(VARIABLE);
        if (configured != null) {
            return new SecretKey(fromVariable(configured), SecretKey.Source.VARIABLE, null);
        }
        return fromFile(dataDir, dataDir.resolve(FILE_NAME));
    }

    /**
     * The error for a key that did not encrypt the stored secrets, in the words of where it came from. A key file
     * made by this very start is removed again: it encrypted nothing, and left in place it would pass for the lost
     * original at the next start.
     */
    static ConfigException notTheStoredKey(SecretKey key, String storedKeyIds) {
        String ids = "(stored secrets: key id " + storedKeyIds + ")";
        return switch (key.source()) {
            case VARIABLE ->
                new ConfigException(VARIABLE + " is not the key that encrypted the stored database passwords " + ids
                        + "; set it to the original key. DAAP never replaces the key by itself");
            case KEY_FILE ->
                new ConfigException("the key file " + key.file() + " is not the key that encrypted the stored "
                        + "database passwords " + ids + "; restore the original file from your backup, or set "
                        + VARIABLE + " to the original key");
            case NEW_KEY_FILE -> {
                try {
                    Files.deleteIfExists(key.file());
                } catch (IOException e) {
                    log.warn("Could not remove the key file {} that this start made", key.file(), e);
                }
                yield new ConfigException("there is no key file " + key.file() + ", but the database holds passwords "
                        + "encrypted with a key " + ids + ": the key file was lost, so the folder "
                        + key.file().getParent()
                        + " did not outlive a restart (in a container, keep it on a volume). Restore "
                        + FILE_NAME + " from your backup into that folder, or set " + VARIABLE
                        + " to the original key");
            }
        };
    }

    private static byte[] fromVariable(String value) {
        // Unlike other variables, blank is not "unset": an empty secret in a deployment is a mistake, and falling
        // back to a key file in a possibly ephemeral folder would lose every password at the next restart.
        if (value.isBlank()) {
            throw new ConfigException(VARIABLE + " is set but empty; set it to the base64 of 32 random bytes ("
                    + HOW_TO_MAKE_ONE + "), or unset it to use the key file in DAAP_DATA_DIR");
        }
        Optional<byte[]> key = decode(value.strip());
        if (key.isEmpty()) {
            throw new ConfigException(VARIABLE + " must be the base64 (standard or URL-safe) of exactly " + KEY_BYTES
                    + " random bytes, and it is not valid base64; " + HOW_TO_MAKE_ONE);
        }
        if (key.get().length != KEY_BYTES) {
            throw new ConfigException(VARIABLE + " must be the base64 (standard or URL-safe) of exactly " + KEY_BYTES
                    + " random bytes, not " + key.get().length + "; " + HOW_TO_MAKE_ONE);
        }
        return key.get();
    }

    private static SecretKey fromFile(Path dataDir, Path file) {
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                return new SecretKey(readKeyFile(file), SecretKey.Source.KEY_FILE, file);
            }
            return generateKeyFile(dataDir, file);
        } catch (IOException e) {
            throw new ConfigException("cannot read or create the credential key file " + file + " (" + e
                    + "); check DAAP_DATA_DIR, or set " + VARIABLE);
        }
    }

    private static byte[] readKeyFile(Path file) throws IOException {
        // Where files have no POSIX mode (Windows), the folder's access rules protect it.
        Set<PosixFilePermission> permissions = FilePermissions.of(file).orElse(Set.of());
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new ConfigException(file + " holds the key that encrypts the stored passwords, but other users "
                    + "have access to it (" + PosixFilePermissions.toString(permissions) + "); run `chmod 600 "
                    + file + "`");
        }
        Optional<byte[]> key = decode(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip());
        if (key.isEmpty() || key.get().length != KEY_BYTES) {
            throw new ConfigException(file + " does not hold the base64 of a " + KEY_BYTES + "-byte key; restore it "
                    + "from your backup, or set " + VARIABLE + " to the original key");
        }
        return key.get();
    }

    /** Writes a new key to an owner-only temporary file, then links it into place, so no one sees half a key. */
    private static SecretKey generateKeyFile(Path dataDir, Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = FilePermissions.createOwnerOnlyTempFile(dataDir, "." + FILE_NAME + "-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(
                        StandardCharsets.US_ASCII.encode(Base64.getEncoder().encodeToString(key) + "\n"));
                channel.force(true);
            }
            if (!publish(temporary, file)) {
                // another process on the same folder made one first: use theirs
                return new SecretKey(readKeyFile(file), SecretKey.Source.KEY_FILE, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info(
                "Generated the key that encrypts stored database passwords in {} (owner-only). Back it up: "
                        + "without it the stored passwords cannot be read. To manage the key yourself, set {} instead.",
                file,
                VARIABLE);
        return new SecretKey(key, SecretKey.Source.NEW_KEY_FILE, file);
    }

    /** Puts the finished file in place unless one exists already; false if one did. */
    private static boolean publish(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                Files.move(temporary, file); // without REPLACE_EXISTING: fails rather than overwrite a key
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
    }

    /** Standard or URL-safe base64, padded or not; empty if it is neither. */
    private static Optional<byte[]> decode(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        try {
            return Optional.of((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
