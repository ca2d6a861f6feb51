package dev.daap.adapters.backup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code pg_dump} (with {@code pg_restore} and {@code psql} beside it, as every client package has them) in the folders of {@code DAAP_PG_BIN_DIRS}, then
 * {@code /usr/lib/postgresql/*}{@code /bin} (where Debian and Ubuntu install each major version side by side), then
 * {@code PATH}, and asks each for its version; a folder seen twice counts once.
 */
final class PgToolFinder {
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    /** {@code pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)}, or {@code 18beta1}, or {@code 9.6.24}. */
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+((\\d+)[^\\s]*)");

    /** A {@code pg_dump} found: its major version, its full version and its folder. */
    record Found(int major, String version, Path folder) {
        @Override
        public String toString() {
            return "pg_dump " + version + " in " + folder;
        }
    }

    private final List<Path> extraDirs;
    private final String pathVariable;

    PgToolFinder(List<Path> extraDirs, String pathVariable) {
        this.extraDirs = List.copyOf(extraDirs);
        this.pathVariable = pathVariable == null ? "" : pathVariable;
    }

    List<Found> find() {
        List<Found> found = new ArrayList<>();
        for (Path folder : folders()) {
            Path dump = folder.resolve("pg_dump");
            if (Files.isExecutable(dump)
                    && Files.isExecutable(folder.resolve("pg_restore"))
                    && Files.isExecutable(folder.resolve("psql"))) {
                versionOf(dump).ifPresent(version -> found.add(version.in(folder)));
            }
        }
        return found;
    }

    String describe() {
        return "DAAP_PG_BIN_DIRS (" + (extraDirs.isEmpty() ? "unset" : extraDirs) + "), " + DEBIAN_VERSIONS
                + "/*/bin and PATH";
    }

    private Set<Path> folders() {
        Set<Path> folders = new LinkedHashSet<>();
        extraDirs.forEach(dir -> folders.add(real(dir)));
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(DEBIAN_VERSIONS)) {
                versions.forEach(version -> folders.add(real(version.resolve("bin"))));
            } catch (IOException ignored) {
                // unreadable: nothing found there
            }
        }
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                folders.add(real(Path.of(entry)));
            }
        }
        return folders;
    }

    /** Debian's /usr/bin/pg_dump is a wrapper script; its real folder keeps versions apart. */
    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private record Version(int major, String text) {
        Found in(Path folder) {
            return new Found(major, text, folder);
        }
    }

    private static Optional<Version> versionOf(Path dump) {
        try {
            Process process = new ProcessBuilder(dump.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readNBytes(1_000), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Matcher matcher = VERSION.matcher(output);
            return matcher.find()
                    ? Optional.of(new Version(Integer.parseInt(matcher.group(2)), matcher.group(1)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
