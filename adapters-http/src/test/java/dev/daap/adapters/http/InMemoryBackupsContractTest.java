package dev.daap.adapters.http;

import dev.daap.domain.backup.Backups;
import dev.daap.testing.BackupsContract;
import dev.daap.testing.InMemoryBackups;

/** The fake that the HTTP tests use keeps the rules of the PostgreSQL adapter. */
class InMemoryBackupsContractTest extends BackupsContract {
    private final InMemoryBackups backups = new InMemoryBackups();

    @Override
    protected Backups backups() {
        return backups;
    }
}
