package dev.daap.adapters.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.backup.BackupStore;
import dev.daap.testing.BackupStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder adapter on disk keeps the contract of every backup store, and leaves no part file behind. */
class FolderBackupStoreTest extends BackupStoreContract {
    @TempDir
    Path folder;

    @Override
    protected BackupStore store() {
        return new FolderBackupStore(folder.resolve("backups"));
    }

    @Test
    void anAbandonedUploadLeavesNoFileAndACommittedOneLeavesOnlyItsObject() throws IOException {
        try (BackupStore.Upload upload = store().upload("a.dump.daapenc")) {
            upload.stream().write(new byte[] {1, 2, 3});
        }
        try (BackupStore.Upload upload = store().upload("b.dump.daapenc")) {
            upload.stream().write(new byte[] {4});
            upload.commit();
        }

        try (Stream<Path> files = Files.list(folder.resolve("backups"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("b.dump.daapenc");
        }
    }
}
