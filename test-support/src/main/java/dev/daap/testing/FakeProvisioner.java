package dev.daap.testing;

import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.user.AccessLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake fleet of target clusters: records every call (also the ones it fails), with the cluster it was made on,
 * and hands out connection details at the cluster's client endpoint, where database and user are the name on the
 * cluster. Told to fail, every call throws until it is told to {@link #recover()}. Thread-safe.
 */
public final class FakeProvisioner implements Provisioners, Copiers {
    /** The admin address of the clusters the tests register: clients connect there unless a cluster says not. */
    public static final String HOST = "db.test";

    public static final int PORT = 5432;
    public static final String ADMIN_URL = "postgres://admin:admin-secret@" + HOST + ":" + PORT + "/postgres";
    public static final String SERVER_VERSION = "17.6";

    public enum Action {
        CHECK_ADMIN,
        PROVISION,
        CHANGE_PASSWORD,
        SET_UP_ACCESS,
        ENABLE_LOGIN,
        DISABLE_LOGIN,
        DROP_LOGIN,
        DEPROVISION,
        DEACTIVATE,
        REACTIVATE,
        SNAPSHOT,
        DROP_SNAPSHOT,
        RESTORE,
        CLONE,
        LIMIT_CONNECTIONS,
        APPLY_READ_ONLY,
        SET_READ_ONLY,
        SET_WRITABLE,
        HAND_OVER
    }

    /** The size every fake copy has, and how long the fake keeps a database closed for one. */
    public static final Copier.Copy COPY = new Copier.Copy(8_192, Duration.ofMillis(5));

    /**
     * @param id       null for {@link Action#CHECK_ADMIN}
     * @param name     null for {@link Action#CHECK_ADMIN}
     * @param password null but for {@link Action#PROVISION} and {@link Action#CHANGE_PASSWORD}
     */
    public record Call(Action action, DatabaseId id, NameOnCluster name, String password, ClusterName cluster) {
        @Override
        public String toString() {
            return "Call[" + action + ", " + id + ", " + name + " on " + cluster + "]"; // no password
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<DatabaseId, Integer> connectionLimits = new ConcurrentHashMap<>();
    private final Map<DatabaseId, Boolean> readOnly = new ConcurrentHashMap<>();
    private volatile ProvisioningException failure;

    /** The connection limit last applied to the database, if any. */
    public Optional<Integer> connectionLimitOf(DatabaseId id) {
        return Optional.ofNullable(connectionLimits.get(id));
    }

    /** Whether the database was last made read-only (true) or writable (false); empty if neither. */
    public Optional<Boolean> readOnlyOf(DatabaseId id) {
        return Optional.ofNullable(readOnly.get(id));
    }

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
    public Provisioner forCluster(ClusterTarget target) {
        return new OnCluster(target);
    }

    /** Copies record a call each, with the database they copy (its name for a snapshot; the clone's for a clone). */
    @Override
    public Copier copierFor(ClusterTarget target) {
        var provisioner = new OnCluster(target);
        return new Copier() {
            @Override
            public Copy snapshot(DatabaseId id, NameOnCluster name, SnapshotId snapshot) {
                record(new Call(Action.SNAPSHOT, id, name, null, target.name()));
                return COPY;
            }

            @Override
            public void dropSnapshot(SnapshotId snapshot) {
                record(new Call(Action.DROP_SNAPSHOT, null, null, null, target.name()));
            }

            @Override
            public Copy restore(DatabaseId id, NameOnCluster name, SnapshotId from, SnapshotId replaced) {
                record(new Call(Action.RESTORE, id, name, null, target.name()));
                return COPY;
            }

            @Override
            public ConnectionDetails clone(
                    DatabaseId id,
                    NameOnCluster name,
                    String password,
                    DatabaseId sourceId,
                    NameOnCluster sourceName,
                    Optional<SnapshotId> snapshot) {
                record(new Call(Action.CLONE, id, name, password, target.name()));
                var endpoint = target.endpoint();
                return new ConnectionDetails(
                        endpoint.host(), endpoint.port(), name.value(), name.value(), endpoint.sslmode());
            }
        };
    }

    private void record(Call call) {
        calls.add(call);
        ProvisioningException scripted = failure;
        if (scripted != null) {
            throw scripted;
        }
    }

    private final class OnCluster implements Provisioner {
        private final ClusterTarget target;

        OnCluster(ClusterTarget target) {
            this.target = target;
        }

        @Override
        public AdminCheck checkAdmin() {
            record(new Call(Action.CHECK_ADMIN, null, null, null, target.name()));
            return new AdminCheck(SERVER_VERSION, 1);
        }

        @Override
        public ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password) {
            record(new Call(Action.PROVISION, id, name, password, target.name()));
            var endpoint = target.endpoint();
            return new ConnectionDetails(
                    endpoint.host(), endpoint.port(), name.value(), name.value(), endpoint.sslmode());
        }

        @Override
        public void setUpAccess(DatabaseId id, NameOnCluster name) {
            record(new Call(Action.SET_UP_ACCESS, id, name, null, target.name()));
        }

        @Override
        public void limitConnections(DatabaseId id, NameOnCluster name, int maxConnections) {
            record(new Call(Action.LIMIT_CONNECTIONS, id, name, null, target.name()));
            connectionLimits.put(id, maxConnections);
        }

        @Override
        public void applyReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
            record(new Call(Action.APPLY_READ_ONLY, id, name, null, target.name()));
            FakeProvisioner.this.readOnly.put(id, readOnly);
        }

        /** Records the login's name as the call's name. */
        @Override
        public void enableLogin(
                DatabaseId id, NameOnCluster database, String login, AccessLevel level, String password) {
            record(new Call(
                    Action.ENABLE_LOGIN, id, new NameOnCluster(login.replace('.', '-')), password, target.name()));
        }

        @Override
        public void disableLogin(DatabaseId id, String login) {
            record(new Call(Action.DISABLE_LOGIN, id, new NameOnCluster(login.replace('.', '-')), null, target.name()));
        }

        @Override
        public void dropLogin(DatabaseId id, NameOnCluster database, String login) {
            record(new Call(Action.DROP_LOGIN, id, new NameOnCluster(login.replace('.', '-')), null, target.name()));
        }

        @Override
        public void changePassword(DatabaseId id, NameOnCluster name, String password) {
            record(new Call(Action.CHANGE_PASSWORD, id, name, password, target.name()));
        }

        @Override
        public void deprovision(DatabaseId id, NameOnCluster name) {
            record(new Call(Action.DEPROVISION, id, name, null, target.name()));
        }

        @Override
        public void deactivate(DatabaseId id, NameOnCluster name) {
            record(new Call(Action.DEACTIVATE, id, name, null, target.name()));
        }

        @Override
        public void reactivate(DatabaseId id, NameOnCluster name) {
            record(new Call(Action.REACTIVATE, id, name, null, target.name()));
        }

        @Override
        public void setReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
            record(new Call(readOnly ? Action.SET_READ_ONLY : Action.SET_WRITABLE, id, name, null, target.name()));
        }

        /** Recorded under the id of the database that gets the old copy, {@code to}. */
        @Override
        public void handOver(DatabaseId from, NameOnCluster name, DatabaseId to) {
            record(new Call(Action.HAND_OVER, to, name, null, target.name()));
        }
    }
}
