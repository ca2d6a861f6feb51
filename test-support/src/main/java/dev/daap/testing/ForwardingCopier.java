package dev.daap.testing;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.SnapshotId;
import java.util.Objects;
import java.util.Optional;

/**
 * A copier that hands every call to another. A test double that watches or interrupts a few calls extends it and
 * overrides only those (see {@link ForwardingProvisioner}).
 */
public class ForwardingCopier implements Copier {
    protected final Copier delegate;

    public ForwardingCopier(Copier delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Copy snapshot(DatabaseId id, NameOnCluster name, SnapshotId snapshot) {
        return delegate.snapshot(id, name, snapshot);
    }

    @Override
    public void dropSnapshot(SnapshotId snapshot) {
        delegate.dropSnapshot(snapshot);
    }

    @Override
    public Copy restore(DatabaseId id, NameOnCluster name, SnapshotId from, SnapshotId replaced) {
        return delegate.restore(id, name, from, replaced);
    }

    @Override
    public ConnectionDetails clone(
            DatabaseId id,
            NameOnCluster name,
            String password,
            DatabaseId sourceId,
            NameOnCluster sourceName,
            Optional<SnapshotId> snapshot) {
        return delegate.clone(id, name, password, sourceId, sourceName, snapshot);
    }
}
