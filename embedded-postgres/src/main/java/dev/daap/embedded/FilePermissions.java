package dev.daap.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * POSIX file modes where the file system has them, and nothing where it does not (Windows, whose files take the
 * access rules of their folder): one place for the difference, so that no caller fails there with an
 * UnsupportedOperationException.
 */
public final class FilePermissions {
    private FilePermissions() {}

    public static boolean supported(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Sets the mode, such as {@code rw-------}; does nothing where modes do not exist. */
    public static void set(Path path, String mode) throws IOException {
        set(path, PosixFilePermissions.fromString(mode));
    }

    public static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (supported(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** The mode, or empty where modes do not exist. */
    public static Optional<Set<PosixFilePermission>> of(Path path) throws IOException {
        return supported(path) ? Optional.of(Files.getPosixFilePermissions(path)) : Optional.empty();
    }

    /** A new temporary file in {@code folder} that only its owner can read and write, from its first moment. */
    public static Path createOwnerOnlyTempFile(Path folder, String prefix, String suffix) throws IOException {
        FileAttribute<?>[] attributes = supported(folder)
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        return Files.createTempFile(folder, prefix, suffix, attributes);
    }
}
