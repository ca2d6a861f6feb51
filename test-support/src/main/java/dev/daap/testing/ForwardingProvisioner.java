package dev.daap.testing;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.user.AccessLevel;
import java.util.Objects;

/**
 * A provisioner that hands every call to another. A test double that watches or interrupts a few calls extends it
 * and overrides only those, so a method added to the port is forwarded here once, not in every double.
 */
public class ForwardingProvisioner implements Provisioner {
    protected final Provisioner delegate;

    public ForwardingProvisioner(Provisioner delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public AdminCheck checkAdmin() {
        return delegate.checkAdmin();
    }

    @Override
    public ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password) {
        return delegate.provision(id, name, password);
    }

    @Override
    public void setUpAccess(DatabaseId id, NameOnCluster name) {
        delegate.setUpAccess(id, name);
    }

    @Override
    public void enableLogin(DatabaseId id, NameOnCluster database, String login, AccessLevel level, String password) {
        delegate.enableLogin(id, database, login, level, password);
    }

    @Override
    public void disableLogin(DatabaseId id, String login) {
        delegate.disableLogin(id, login);
    }

    @Override
    public void dropLogin(DatabaseId id, NameOnCluster database, String login) {
        delegate.dropLogin(id, database, login);
    }

    @Override
    public void limitConnections(DatabaseId id, NameOnCluster name, int maxConnections) {
        delegate.limitConnections(id, name, maxConnections);
    }

    @Override
    public void applyReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
        delegate.applyReadOnly(id, name, readOnly);
    }

    @Override
    public void changePassword(DatabaseId id, NameOnCluster name, String password) {
        delegate.changePassword(id, name, password);
    }

    @Override
    public void deprovision(DatabaseId id, NameOnCluster name) {
        delegate.deprovision(id, name);
    }

    @Override
    public void deactivate(DatabaseId id, NameOnCluster name) {
        delegate.deactivate(id, name);
    }

    @Override
    public void reactivate(DatabaseId id, NameOnCluster name) {
        delegate.reactivate(id, name);
    }

    @Override
    public void setReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
        delegate.setReadOnly(id, name, readOnly);
    }

    @Override
    public void handOver(DatabaseId from, NameOnCluster name, DatabaseId to) {
        delegate.handOver(from, name, to);
    }
}
