package dev.daap.adapters.backup;

import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupStoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Backups as files in one folder (by default {@code <DAAP_DATA_DIR>/backups}). An upload writes a hidden part file
 * beside its target, forces it to disk, and renames it into place atomically, so a crash leaves either no object or
 * a whole one; a part file left by a crash is never read, and the next upload of its key removes it. One upload of
 * a key at a time: the job queue runs one job per backup.
 */
public final class FolderBackupStore implements BackupStore {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final int BUFFER_BYTES = 1 << 16;
    private static final String PART = ".part";

    private final Path folder;

    public FolderBackupStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Upload upload(String key) {
        Path target = path(key);
        Path part = folder.resolve("." + key + "." + UUID.randomUUID() + PART);
        try {
            Files.createDirectories(folder);
            removeParts(key);
            OutputStream stream = new BufferedOutputStream(
                    Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER_BYTES);
            return new FileUpload(stream, part, target);
        } catch (IOException e) {
            throw new BackupStoreException("cannot write in the backup folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Part files of {@code key} that a worker left when it died mid-upload: its job, taken again, uploads anew. */
    private void removeParts(String key) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "." + key + ".*" + PART)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    @Override
    public InputStream read(String key) {
        Path file = path(key);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BackupStoreException("the backup folder " + folder + " has no object " + key);
        } catch (IOException e) {
            throw new BackupStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = path(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BackupStoreException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("a backup key is letters, digits, dots, hyphens and underscores");
        }
        return folder.resolve(key);
    }

    private static final class FileUpload implements Upload {
        private final OutputStream stream;
        private final Path part;
        private final Path target;
        private boolean committed;

        FileUpload(OutputStream stream, Path part, Path target) {
            this.stream = stream;
            this.part = part;
            this.target = target;
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() {
            try {
                stream.close();
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                committed = true;
            } catch (IOException e) {
                throw new BackupStoreException("cannot store " + target + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                stream.close();
            } catch (IOException ignored) {
                // the part file goes anyway
            }
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
