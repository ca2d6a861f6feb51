package dev.daap.adapters.postgres.idempotency;

import static dev.daap.adapters.postgres.generated.Tables.IDEMPOTENCY_KEYS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.IdempotencyKeysRecord;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link IdempotencyStore} on PostgreSQL, one row per caller and key. It must run outside any use-case
 * transaction: a claim must be visible to other requests at once, and a response it keeps in memory must be
 * committed (inside a transaction that rolls back, it would remember one that never was).
 *
 * <p>{@link #begin} is one statement: an insert that, on conflict, takes the row over only if it has expired, and
 * otherwise reads the row that is there. Of two requests racing for one key exactly one gets {@link Started}: the
 * insert or the take-over is decided under the row's lock, with the expiry checked again on the latest version.
 *
 * <p>Completed responses are also kept in memory ({@link CompletedResponses}), so that a retry is replayed without
 * a round trip. That is safe on every instance, not only the one that stored the response, because a completed
 * row does not change until it expires: {@link #complete} only updates running rows, {@link #abandon} only deletes
 * running rows, and {@link #begin} takes a row over and {@link #deleteExpired} deletes it only once it has
 * expired. So what any instance once read stays true until {@code expires_at}, which every hit checks against the
 * request's {@code now}; from then on the database decides again. Instances whose clocks differ by a few
 * milliseconds may disagree on the exact moment a key expires, as they would without the cache.
 */
public final class JooqIdempotencyStore implements IdempotencyStore {
    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    /**
     * A claim that conflicts with a row committed after the statement began finds that row locked but not visible
     * to the statement's snapshot, and so reads nothing; so does one that lost a take-over race. The next round,
     * with a fresh snapshot, sees the row.
     */
    private static final int ATTEMPTS = 3;

    private static final Field<Boolean> CLAIMED = DSL.field(DSL.name("claimed"), SQLDataType.BOOLEAN);
    /** What {@code begin} needs of a live row: the request it holds, its state, and a response to replay. */
    private static final Field<?>[] LIVE_ROW = {
        IDEMPOTENCY_KEYS.REQUEST_HASH,
        IDEMPOTENCY_KEYS.STATE,
        IDEMPOTENCY_KEYS.STATUS,
        IDEMPOTENCY_KEYS.CONTENT_TYPE,
        IDEMPOTENCY_KEYS.HEADERS,
        IDEMPOTENCY_KEYS.BODY,
        IDEMPOTENCY_KEYS.EXPIRES_AT
    };

    private final JooqSession session;
    private final CompletedResponses completedResponses = new CompletedResponses();

    public JooqIdempotencyStore(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public BeginOutcome begin(String caller, String key, String requestHash, Instant now, Duration lease) {
        CompletedResponse remembered = completedResponses.find(caller, key, now);
        if (remembered != null) {
            return remembered.outcomeFor(requestHash);
        }
        Instant expiresAt = now.plus(lease);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Record found = claimOrRead(caller, key, requestHash, now, expiresAt);
            if (found != null) {
                return found.get(CLAIMED) ? new Started() : outcome(caller, key, found, requestHash);
            }
        }
        throw new IllegalStateException("idempotency key kept changing under a claim for " + ATTEMPTS + " rounds");
    }

    @Override
    public void complete(String caller, String key, StoredResponse response, Instant keepUntil) {
        session.dsl()
                .update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.STATE, COMPLETED)
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, keepUntil)
                .set(IDEMPOTENCY_KEYS.STATUS, response.status())
                .set(IDEMPOTENCY_KEYS.CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENCY_KEYS.HEADERS, IdempotencyRecordMapper.headersJson(response.headers()))
                .set(IDEMPOTENCY_KEYS.BODY, response.body())
                .where(sameKey(caller, key))
                .and(IDEMPOTENCY_KEYS.STATE.eq(RUNNING))
                .returningResult(IDEMPOTENCY_KEYS.REQUEST_HASH)
                .fetchOptional()
                // The row's own hash: the claim completed may be another request's that took an expired one over.
                .ifPresent(hash -> completedResponses.remember(
                        caller, key, new CompletedResponse(hash.value1(), response, keepUntil)));
    }

    @Override
    public void abandon(String caller, String key) {
        session.dsl()
                .deleteFrom(IDEMPOTENCY_KEYS)
                .where(sameKey(caller, key))
                .and(IDEMPOTENCY_KEYS.STATE.eq(RUNNING))
                .execute();
    }

    @Override
    public int deleteExpired(Instant now) {
        return session.dsl()
                .deleteFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.EXPIRES_AT.le(now))
                .execute();
    }

    /**
     * <pre>
     * WITH claim AS (INSERT ... ON CONFLICT (caller, key) DO UPDATE SET ... WHERE expires_at &lt;= now RETURNING ...)
     * SELECT true, ... FROM claim
     * UNION ALL SELECT false, ... FROM idempotency_keys WHERE same key AND expires_at &gt; now AND NOT EXISTS claim
     * </pre>
     * The take-over replaces every column with the new claim's (EXCLUDED: the response columns go back to their
     * defaults). The second branch reads the statement's snapshot, which never shows the claim's own write; its
     * expiry check keeps it from reporting the old version of a row that another request just took over.
     *
     * @return a record with {@link #CLAIMED} and {@link #LIVE_ROW}, or null if the statement saw no live row
     */
    private Record claimOrRead(String caller, String key, String requestHash, Instant now, Instant expiresAt) {
        CommonTableExpression<IdempotencyKeysRecord> claim = DSL.name("claim")
                .as(DSL.insertInto(IDEMPOTENCY_KEYS)
                        .set(IDEMPOTENCY_KEYS.CALLER, caller)
                        .set(IDEMPOTENCY_KEYS.KEY, key)
                        .set(IDEMPOTENCY_KEYS.REQUEST_HASH, requestHash)
                        .set(IDEMPOTENCY_KEYS.STATE, RUNNING)
                        .set(IDEMPOTENCY_KEYS.CREATED_AT, now)
                        .set(IDEMPOTENCY_KEYS.EXPIRES_AT, expiresAt)
                        .onConflict(IDEMPOTENCY_KEYS.CALLER, IDEMPOTENCY_KEYS.KEY)
                        .doUpdate()
                        .set(IDEMPOTENCY_KEYS.REQUEST_HASH, DSL.excluded(IDEMPOTENCY_KEYS.REQUEST_HASH))
                        .set(IDEMPOTENCY_KEYS.STATE, DSL.excluded(IDEMPOTENCY_KEYS.STATE))
                        .set(IDEMPOTENCY_KEYS.STATUS, DSL.excluded(IDEMPOTENCY_KEYS.STATUS))
                        .set(IDEMPOTENCY_KEYS.CONTENT_TYPE, DSL.excluded(IDEMPOTENCY_KEYS.CONTENT_TYPE))
                        .set(IDEMPOTENCY_KEYS.HEADERS, DSL.excluded(IDEMPOTENCY_KEYS.HEADERS))
                        .set(IDEMPOTENCY_KEYS.BODY, DSL.excluded(IDEMPOTENCY_KEYS.BODY))
                        .set(IDEMPOTENCY_KEYS.CREATED_AT, DSL.excluded(IDEMPOTENCY_KEYS.CREATED_AT))
                        .set(IDEMPOTENCY_KEYS.EXPIRES_AT, DSL.excluded(IDEMPOTENCY_KEYS.EXPIRES_AT))
                        .where(IDEMPOTENCY_KEYS.EXPIRES_AT.le(now))
                        .returning(LIVE_ROW));
        return session.dsl()
                .with(claim)
                .select(DSL.inline(true).as(CLAIMED))
                .select(claim.fields(LIVE_ROW))
                .from(claim)
                .unionAll(DSL.select(DSL.inline(false).as(CLAIMED))
                        .select(LIVE_ROW)
                        .from(IDEMPOTENCY_KEYS)
                        .where(sameKey(caller, key))
                        .and(IDEMPOTENCY_KEYS.EXPIRES_AT.gt(now))
                        .andNotExists(DSL.selectOne().from(claim)))
                .fetchOne();
    }

    /** A live row someone else holds; a completed one is remembered, since it will not change until it expires. */
    private BeginOutcome outcome(String caller, String key, Record found, String requestHash) {
        IdempotencyKeysRecord row = found.into(IDEMPOTENCY_KEYS);
        if (!IdempotencyRecordMapper.isCompleted(row)) {
            return IdempotencyRecordMapper.running(row, requestHash);
        }
        CompletedResponse completed = IdempotencyRecordMapper.completed(row);
        completedResponses.remember(caller, key, completed);
        return completed.outcomeFor(requestHash);
    }

    private static Condition sameKey(String caller, String key) {
        return IDEMPOTENCY_KEYS.CALLER.eq(caller).and(IDEMPOTENCY_KEYS.KEY.eq(key));
    }
}
