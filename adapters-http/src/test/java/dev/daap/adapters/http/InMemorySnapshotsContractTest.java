package dev.daap.adapters.http;

import dev.daap.domain.snapshot.Snapshots;
import dev.daap.testing.InMemorySnapshots;
import dev.daap.testing.SnapshotsContract;

/** The fake that the HTTP tests use keeps the rules of the PostgreSQL adapter. */
class InMemorySnapshotsContractTest extends SnapshotsContract {
    private final InMemorySnapshots snapshots = new InMemorySnapshots();

    @Override
    protected Snapshots snapshots() {
        return snapshots;
    }
}
