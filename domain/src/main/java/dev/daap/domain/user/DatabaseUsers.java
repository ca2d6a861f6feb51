package dev.daap.domain.user;

import dev.daap.domain.database.DatabaseId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of database users and their logins' passwords (a secondary port). Passwords are kept encrypted and never
 * leave but through {@link #readPassword}. Calls join the transaction open on the calling thread.
 */
public interface DatabaseUsers {

    /** Stores a new user; a live user of the same name in the database is a {@code NameTakenException}. */
    void add(DatabaseUser user);

    /** A live user (not {@code deleted}) of the database by name. */
    Optional<DatabaseUser> find(DatabaseId database, UserName name);

    /** Any user by id, locked until the transaction ends, so changes to one user's logins take turns. */
    Optional<DatabaseUser> lock(UserId id);

    /** The user whose newest job is {@code operationId}. */
    Optional<DatabaseUser> findByOperation(UUID operationId);

    /**
     * Up to {@code limit} ready users whose previous login's window ended by {@code now} and whose newest job is
     * finished (or none), locked until the transaction ends; users locked by another transaction are skipped, so
     * sweeps on several instances never take the same one.
     */
    List<DatabaseUser> lockDueToEndPrevious(Instant now, int limit);

    /**
     * Locks the users of a database against another transaction's lock of them until this transaction ends, so that
     * counting them and adding one is not raced (the lock holds also while the database has no user row to lock).
     */
    void lockUsersOf(DatabaseId database);

    /** The live users of a database, by name. */
    List<DatabaseUser> liveOf(DatabaseId database);

    /**
     * Replaces the stored user with {@code changed} if its stored version is still {@code expectedVersion}; throws
     * {@code ConcurrentChangeException} otherwise.
     */
    void update(DatabaseUser changed, long expectedVersion);

    /** Stores (or replaces) the password of one of the user's logins. */
    void storePassword(UserId user, LoginSlot slot, String password);

    Optional<String> readPassword(UserId user, LoginSlot slot);

    /** Forgets the passwords of the user's logins (it is deleted). */
    void forgetPasswords(UserId user);

    /** Forgets the passwords of every user of the database (it is purged). */
    void forgetPasswords(DatabaseId database);
}
