package dev.daap.adapters.http;

import dev.daap.domain.backup.BackupStore;
import dev.daap.testing.BackupStoreContract;
import dev.daap.testing.InMemoryBackupStore;

/** The store that the HTTP tests use keeps the rules of the folder and S3 adapters. */
class InMemoryBackupStoreContractTest extends BackupStoreContract {
    private final InMemoryBackupStore store = new InMemoryBackupStore();

    @Override
    protected BackupStore store() {
        return store;
    }
}
