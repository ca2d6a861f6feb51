package dev.daap.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The fault hook of the deletion tests: an admin DataSource whose worker "dies" (an {@link Error} that no handler
 * catches, so the job keeps its lease) just before the k-th statement that changes the cluster, once armed.
 */
final class FaultyAdmin {
    private final DataSource admin;
    private final AtomicInteger crashAt = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();

    FaultyAdmin(DataSource admin) {
        this.admin = admin;
    }

    /** For the admin sources of several clusters, each wrapped by {@link #watching}. */
    FaultyAdmin() {
        this(null);
    }

    /** The next calls die before their {@code k}-th statement that changes the cluster; 0 disarms. */
    void crashBeforeStatement(int k) {
        seen.set(0);
        crashAt.set(k);
    }

    /** The statements that changed the cluster since the last {@link #crashBeforeStatement}. */
    int statementsSeen() {
        return seen.get();
    }

    DataSource dataSource() {
        return watching(admin);
    }

    /** {@code other} (another cluster's admin source), its statements counted with this one's, and crashing alike. */
    DataSource watching(DataSource other) {
        return proxy(DataSource.class, other, (method, args) -> {
            Object result = invoke(method, other, args);
            return method.getName().equals("getConnection") ? watched((Connection) result) : result;
        });
    }

    /**
     * A connection that dies with its worker: the crash closes it, so the server rolls back a transaction it was in
     * (a dead process commits nothing), and every later call on it does nothing (a {@code finally} that would commit).
     */
    private Connection watched(Connection connection) {
        var dead = new java.util.concurrent.atomic.AtomicBoolean();
        return proxy(Connection.class, connection, (method, args) -> {
            if (dead.get()) {
                return afterDeath(method);
            }
            Object result = invoke(method, connection, args);
            if (!method.getName().equals("createStatement")) {
                return result;
            }
            Statement statement = (Statement) result;
            return proxy(Statement.class, statement, (statementMethod, statementArgs) -> {
                if (dead.get()) {
                    return afterDeath(statementMethod);
                }
                if (statementMethod.getName().equals("execute") && statementArgs.length == 1) {
                    int k = crashAt.get();
                    if (seen.incrementAndGet() == k) {
                        crashAt.set(0);
                        dead.set(true);
                        connection.close();
                        throw new WorkerDied("before " + statementArgs[0]);
                    }
                }
                return invoke(statementMethod, statement, statementArgs);
            });
        });
    }

    private static Object afterDeath(Method method) {
        if (method.getReturnType() == void.class) {
            return null;
        }
        if (method.getReturnType() == boolean.class) {
            return false;
        }
        throw new WorkerDied("on the connection of a dead worker: " + method.getName());
    }

    /** The worker's process ends here: nothing in DAAP catches an Error. */
    static final class WorkerDied extends Error {
        WorkerDied(String where) {
            super("simulated crash " + where);
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> handler.handle(method, args)));
    }
}
