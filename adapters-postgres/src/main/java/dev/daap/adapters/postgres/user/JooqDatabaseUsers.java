package dev.daap.adapters.postgres.user;

import static dev.daap.adapters.postgres.generated.Tables.DATABASE_USERS;
import static dev.daap.adapters.postgres.generated.Tables.JOBS;
import static dev.daap.adapters.postgres.generated.Tables.USER_CREDENTIALS;

import dev.daap.adapters.postgres.AdvisoryLocks;
import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.generated.tables.records.DatabaseUsersRecord;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.job.JobState;
import dev.daap.domain.user.AccessLevel;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserId;
import dev.daap.domain.user.UserName;
import dev.daap.domain.user.UserStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The {@link DatabaseUsers} port on PostgreSQL: a few rows per database; the logins' passwords encrypted by
 * {@link CredentialCipher} before they reach SQL, bound to user and slot.
 */
public final class JooqDatabaseUsers implements DatabaseUsers {
    private static final String LIVE_NAME_CONSTRAINT = "database_users_live_name";
    /** The first key of the advisory locks of user counts; other locks of DAAP's use other keys. */
    private static final int USER_LOCKS = 0x5_05e5;

    private final JooqSession session;
    private final CredentialCipher cipher;

    public JooqDatabaseUsers(JooqSession session, CredentialCipher cipher) {
        this.session = Objects.requireNonNull(session, "session");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void add(DatabaseUser user) {
        try {
            session.dsl().insertInto(DATABASE_USERS).set(fill(user)).execute();
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw NameTakenException.ofUser(
                        user.databaseId().toString(), user.name().value());
            }
            throw e;
        }
    }

    @Override
    public Optional<DatabaseUser> find(DatabaseId database, UserName name) {
        return session.dsl()
                .selectFrom(DATABASE_USERS)
                .where(DATABASE_USERS.DATABASE_ID.eq(database.value()))
                .and(DATABASE_USERS.NAME.eq(name.value()))
                .and(DATABASE_USERS.STATUS.ne(UserStatus.DELETED.wireName()))
                .fetchOptional()
                .map(JooqDatabaseUsers::toDomain);
    }

    @Override
    public Optional<DatabaseUser> lock(UserId id) {
        return session.dsl()
                .selectFrom(DATABASE_USERS)
                .where(DATABASE_USERS.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(JooqDatabaseUsers::toDomain);
    }

    @Override
    public Optional<DatabaseUser> findByOperation(UUID operationId) {
        return session.dsl()
                .selectFrom(DATABASE_USERS)
                .where(DATABASE_USERS.OPERATION_ID.eq(operationId))
                .fetchOptional()
                .map(JooqDatabaseUsers::toDomain);
    }

    @Override
    public List<DatabaseUser> lockDueToEndPrevious(Instant now, int limit) {
        return session.dsl()
                .selectFrom(DATABASE_USERS)
                .where(DATABASE_USERS.PREVIOUS_VALID_UNTIL.le(now))
                .and(DATABASE_USERS.STATUS.eq(UserStatus.READY.wireName()))
                .andNotExists(DSL.selectOne()
                        .from(JOBS)
                        .where(JOBS.ID.eq(DATABASE_USERS.OPERATION_ID))
                        .and(JOBS.STATE.in(JobState.SCHEDULED.wireName(), JobState.RUNNING.wireName())))
                .orderBy(DATABASE_USERS.PREVIOUS_VALID_UNTIL)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(JooqDatabaseUsers::toDomain);
    }

    /** A transaction-scoped advisory lock keyed by the database id, in a key space of its own (two int keys). */
    @Override
    public void lockUsersOf(DatabaseId database) {
        AdvisoryLocks.lockUntilCommit(session.dsl(), USER_LOCKS, database.toString());
    }

    @Override
    public List<DatabaseUser> liveOf(DatabaseId database) {
        return session.dsl()
                .selectFrom(DATABASE_USERS)
                .where(DATABASE_USERS.DATABASE_ID.eq(database.value()))
                .and(DATABASE_USERS.STATUS.ne(UserStatus.DELETED.wireName()))
                .orderBy(DATABASE_USERS.NAME)
                .fetch(JooqDatabaseUsers::toDomain);
    }

    @Override
    public void update(DatabaseUser changed, long expectedVersion) {
        DatabaseUsersRecord values = fill(changed);
        values.changed(DATABASE_USERS.ID, false);
        values.changed(DATABASE_USERS.CREATED_AT, false);
        int updated;
        try {
            updated = session.dsl()
                    .update(DATABASE_USERS)
                    .set(values)
                    .where(DATABASE_USERS.ID.eq(changed.id().value()))
                    .and(DATABASE_USERS.VERSION.eq(expectedVersion))
                    .execute();
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw NameTakenException.ofUser(
                        changed.databaseId().toString(), changed.name().value());
            }
            throw e;
        }
        if (updated == 0) {
            throw new ConcurrentChangeException("user", changed.id().toString());
        }
    }

    @Override
    public void storePassword(UserId user, LoginSlot slot, String password) {
        CredentialCipher.Sealed sealed =
                cipher.encryptUserSecret(user.value(), slot.wireName(), password.getBytes(StandardCharsets.UTF_8));
        session.dsl()
                .insertInto(USER_CREDENTIALS)
                .set(USER_CREDENTIALS.USER_ID, user.value())
                .set(USER_CREDENTIALS.SLOT, slot.wireName())
                .set(USER_CREDENTIALS.CIPHERTEXT, sealed.ciphertext())
                .set(USER_CREDENTIALS.NONCE, sealed.nonce())
                .set(USER_CREDENTIALS.KEY_ID, cipher.keyId())
                .onConflict(USER_CREDENTIALS.USER_ID, USER_CREDENTIALS.SLOT)
                .doUpdate()
                .set(USER_CREDENTIALS.CIPHERTEXT, DSL.excluded(USER_CREDENTIALS.CIPHERTEXT))
                .set(USER_CREDENTIALS.NONCE, DSL.excluded(USER_CREDENTIALS.NONCE))
                .set(USER_CREDENTIALS.KEY_ID, DSL.excluded(USER_CREDENTIALS.KEY_ID))
                .set(USER_CREDENTIALS.UPDATED_AT, DSL.currentInstant())
                .execute();
    }

    @Override
    public Optional<String> readPassword(UserId user, LoginSlot slot) {
        return session.dsl()
                .selectFrom(USER_CREDENTIALS)
                .where(USER_CREDENTIALS.USER_ID.eq(user.value()))
                .and(USER_CREDENTIALS.SLOT.eq(slot.wireName()))
                .fetchOptional()
                .map(row -> {
                    if (!cipher.keyId().equals(row.getKeyId())) {
                        throw new IllegalStateException("the stored secret of user " + user + " was encrypted with"
                                + " key id " + row.getKeyId() + ", the configured key has key id " + cipher.keyId());
                    }
                    byte[] plaintext = cipher.decryptUserSecret(
                            user.value(),
                            slot.wireName(),
                            new CredentialCipher.Sealed(row.getCiphertext(), row.getNonce()));
                    return new String(plaintext, StandardCharsets.UTF_8);
                });
    }

    @Override
    public void forgetPasswords(UserId user) {
        session.dsl()
                .deleteFrom(USER_CREDENTIALS)
                .where(USER_CREDENTIALS.USER_ID.eq(user.value()))
                .execute();
    }

    @Override
    public void forgetPasswords(DatabaseId database) {
        session.dsl()
                .deleteFrom(USER_CREDENTIALS)
                .where(USER_CREDENTIALS.USER_ID.in(DSL.select(DATABASE_USERS.ID)
                        .from(DATABASE_USERS)
                        .where(DATABASE_USERS.DATABASE_ID.eq(database.value()))))
                .execute();
    }

    private static DatabaseUsersRecord fill(DatabaseUser user) {
        var record = new DatabaseUsersRecord();
        record.setId(user.id().value());
        record.setDatabaseId(user.databaseId().value());
        record.setName(user.name().value());
        record.setAccess(user.access().wireName());
        record.setFirstOwner(user.firstOwner());
        record.setStatus(user.status().wireName());
        record.setCurrentSlot(user.current().wireName());
        record.setCurrentSince(user.currentSince());
        record.setPreviousValidUntil(user.previousValidUntil());
        record.setOperationId(user.operationId());
        record.setFailureReason(user.failureReason());
        record.setCreatedAt(user.createdAt());
        record.setUpdatedAt(user.updatedAt());
        record.setVersion(user.version());
        return record;
    }

    private static DatabaseUser toDomain(DatabaseUsersRecord row) {
        return new DatabaseUser(
                new UserId(row.getId()),
                new DatabaseId(row.getDatabaseId()),
                new UserName(row.getName()),
                AccessLevel.fromWireName(row.getAccess()),
                row.getFirstOwner(),
                UserStatus.fromWireName(row.getStatus()),
                LoginSlot.fromWireName(row.getCurrentSlot()),
                row.getCurrentSince(),
                row.getPreviousValidUntil(),
                row.getOperationId(),
                row.getFailureReason(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getVersion());
    }
}
