package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.IdempotencyKeysRecord;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.StoredResponse;
import org.jooq.Condition;
import org.jooq.JSONB;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.daap.adapters.postgres.generated.Tables.IDEMPOTENCY_KEYS;

/**
 * The {@link IdempotencyStore} on PostgreSQL, one row per caller and key. {@link #begin} claims a key with an
 * insert that does nothing on conflict, so of two requests racing for one key exactly one gets {@link Started};
 * it is meant to run outside any use-case transaction, so that the claim is visible to other requests at once.
 */
public final class JooqIdempotencyStore implements IdempotencyStore {
    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    /** A row can vanish between our statements (abandoned, purged); a few rounds settle it. */
    private static final int ATTEMPTS = 3;

    private final JooqSession session;

    public JooqIdempotencyStore(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public BeginOutcome begin(String caller, String key, String requestHash, Instant now, Duration lease) {
        Instant expiresAt = now.plus(lease);
        return StoreErrors.translate(() -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (insert(caller, key, requestHash, now, expiresAt) || takeOverExpired(caller, key, requestHash,
                        now, expiresAt)) {
                    return new Started();
                }
                Optional<IdempotencyKeysRecord> row = session.dsl().selectFrom(IDEMPOTENCY_KEYS)
                        .where(sameKey(caller, key)).fetchOptional();
                if (row.isPresent()) {
                    return IdempotencyRecordMapper.outcome(row.get(), requestHash);
                }
            }
            throw new IllegalStateException("idempotency key kept changing under a claim for " + ATTEMPTS
                    + " rounds");
        });
    }

    @Override
    public void complete(String caller, String key, StoredResponse response, Instant keepUntil) {
        StoreErrors.translate(() -> session.dsl().update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.STATE, COMPLETED)
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, keepUntil)
                .set(IDEMPOTENCY_KEYS.STATUS, response.status())
                .set(IDEMPOTENCY_KEYS.CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENCY_KEYS.HEADERS, IdempotencyRecordMapper.headersJson(response.headers()))
                .set(IDEMPOTENCY_KEYS.BODY, response.body())
                .where(sameKey(caller, key)).and(IDEMPOTENCY_KEYS.STATE.eq(RUNNING))
                .execute());
    }

    @Override
    public void abandon(String caller, String key) {
        StoreErrors.translate(() -> session.dsl().deleteFrom(IDEMPOTENCY_KEYS)
                .where(sameKey(caller, key)).and(IDEMPOTENCY_KEYS.STATE.eq(RUNNING))
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return StoreErrors.translate(() -> session.dsl().deleteFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.EXPIRES_AT.le(now))
                .execute());
    }

    private boolean insert(String caller, String key, String requestHash, Instant now, Instant expiresAt) {
        return session.dsl().insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.CALLER, caller)
                .set(IDEMPOTENCY_KEYS.KEY, key)
                .set(IDEMPOTENCY_KEYS.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEYS.STATE, RUNNING)
                .set(IDEMPOTENCY_KEYS.CREATED_AT, now)
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, expiresAt)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * An expired row is as good as absent. The expiry is checked again under the row lock, so of two requests that
     * both found it expired only one takes it over; the other then sees the new claim.
     */
    private boolean takeOverExpired(String caller, String key, String requestHash, Instant now, Instant expiresAt) {
        return session.dsl().update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEYS.STATE, RUNNING)
                .set(IDEMPOTENCY_KEYS.STATUS, (Integer) null)
                .set(IDEMPOTENCY_KEYS.CONTENT_TYPE, (String) null)
                .set(IDEMPOTENCY_KEYS.HEADERS, JSONB.valueOf("{}"))
                .set(IDEMPOTENCY_KEYS.BODY, (byte[]) null)
                .set(IDEMPOTENCY_KEYS.CREATED_AT, now)
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, expiresAt)
                .where(sameKey(caller, key)).and(IDEMPOTENCY_KEYS.EXPIRES_AT.le(now))
                .execute() == 1;
    }

    private static Condition sameKey(String caller, String key) {
        return IDEMPOTENCY_KEYS.CALLER.eq(caller).and(IDEMPOTENCY_KEYS.KEY.eq(key));
    }
}
