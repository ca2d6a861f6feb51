package dev.daap.testing;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.job.JobState;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserId;
import dev.daap.domain.user.UserName;
import dev.daap.domain.user.UserStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake of the {@link DatabaseUsers} port in memory, keeping the rules of {@link DatabaseUsersContract}; passwords
 * are kept as they are (a fake has no disk). It reads the jobs' states from {@code jobs}, as the real one reads the
 * jobs table. Thread-safe for single calls; the fakes have no transactions, so locks lock nothing.
 */
public final class InMemoryDatabaseUsers implements DatabaseUsers {
    private final Map<UserId, DatabaseUser> rows = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final JobQueue jobs;

    public InMemoryDatabaseUsers(JobQueue jobs) {
        this.jobs = jobs;
    }

    @Override
    public synchronized void add(DatabaseUser user) {
        if (find(user.databaseId(), user.name()).isPresent()) {
            throw NameTakenException.ofUser(
                    user.databaseId().toString(), user.name().value());
        }
        if (rows.putIfAbsent(user.id(), user) != null) {
            throw new IllegalStateException("duplicate primary key " + user.id());
        }
    }

    @Override
    public Optional<DatabaseUser> find(DatabaseId database, UserName name) {
        return rows.values().stream()
                .filter(user ->
                        user.databaseId().equals(database) && user.name().equals(name) && user.live())
                .findFirst();
    }

    @Override
    public Optional<DatabaseUser> lock(UserId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<DatabaseUser> findByOperation(UUID operationId) {
        return rows.values().stream()
                .filter(user -> operationId.equals(user.operationId()))
                .findFirst();
    }

    @Override
    public List<DatabaseUser> lockDueToEndPrevious(Instant now, int limit) {
        return rows.values().stream()
                .filter(user -> user.status() == UserStatus.READY)
                .filter(user -> user.previousValidUntil() != null
                        && !user.previousValidUntil().isAfter(now))
                .filter(user -> user.operationId() == null
                        || jobs.find(user.operationId())
                                .map(job -> job.state() != JobState.SCHEDULED && job.state() != JobState.RUNNING)
                                .orElse(true))
                .sorted(Comparator.comparing(DatabaseUser::previousValidUntil))
                .limit(limit)
                .toList();
    }

    @Override
    public void lockUsersOf(DatabaseId database) {}

    @Override
    public List<DatabaseUser> liveOf(DatabaseId database) {
        return rows.values().stream()
                .filter(user -> user.databaseId().equals(database) && user.live())
                .sorted(Comparator.comparing(user -> user.name().value()))
                .toList();
    }

    @Override
    public synchronized void update(DatabaseUser changed, long expectedVersion) {
        DatabaseUser stored = rows.get(changed.id());
        if (stored == null || stored.version() != expectedVersion) {
            throw new ConcurrentChangeException("user", changed.id().toString());
        }
        if (changed.live()) {
            Optional<DatabaseUser> other = find(changed.databaseId(), changed.name());
            if (other.isPresent() && !other.get().id().equals(changed.id())) {
                throw NameTakenException.ofUser(
                        changed.databaseId().toString(), changed.name().value());
            }
        }
        rows.put(changed.id(), changed);
    }

    @Override
    public void storePassword(UserId user, LoginSlot slot, String password) {
        passwords.put(key(user, slot), password);
    }

    @Override
    public Optional<String> readPassword(UserId user, LoginSlot slot) {
        return Optional.ofNullable(passwords.get(key(user, slot)));
    }

    @Override
    public void forgetPasswords(UserId user) {
        for (LoginSlot slot : LoginSlot.values()) {
            passwords.remove(key(user, slot));
        }
    }

    @Override
    public void forgetPasswords(DatabaseId database) {
        rows.values().stream()
                .filter(user -> user.databaseId().equals(database))
                .forEach(user -> forgetPasswords(user.id()));
    }

    private static String key(UserId user, LoginSlot slot) {
        return user + "/" + slot;
    }
}
