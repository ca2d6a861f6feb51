package dev.daap.testing;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.ProvisioningException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake target cluster: records every call (also the ones it fails) and hands out connection details on host
 * {@value #HOST}, where database and user are named like the database. Told to fail, every call throws until it
 * is told to {@link #recover()}. Thread-safe.
 */
public final class FakeProvisioner implements Provisioner {
    public static final String HOST = "db.test";
    public static final int PORT = 5432;

    public enum Action {
        PROVISION,
        CHANGE_PASSWORD,
        DEPROVISION
    }

    /** @param password null for {@link Action#DEPROVISION} */
    public record Call(Action action, DatabaseId id, DatabaseName name, String password) {
        @Override
        public String toString() {
            return "Call[" + action + ", " + id + ", " + name + "]"; // a failing assertion prints no password
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile ProvisioningException failure;

    /** Every call from now on throws {@code failure}. */
    public void failWith(ProvisioningException failure) {
        this.failure = failure;
    }

    public void recover() {
        this.failure = null;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(Action action) {
        return calls.stream().filter(call -> call.action() == action).toList();
    }

    @Override
    public ConnectionDetails provision(DatabaseId id, DatabaseName name, String password) {
        record(new Call(Action.PROVISION, id, name, password));
        return new ConnectionDetails(HOST, PORT, name.value(), name.value());
    }

    @Override
    public void changePassword(DatabaseId id, DatabaseName name, String password) {
        record(new Call(Action.CHANGE_PASSWORD, id, name, password));
    }

    @Override
    public void deprovision(DatabaseId id, DatabaseName name) {
        record(new Call(Action.DEPROVISION, id, name, null));
    }

    private void record(Call call) {
        calls.add(call);
        ProvisioningException scripted = failure;
        if (scripted != null) {
            throw scripted;
        }
    }
}
