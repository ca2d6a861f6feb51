package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.IdempotencyKeysRecord;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.StoredResponse;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import static dev.daap.adapters.postgres.generated.Tables.IDEMPOTENCY_KEYS;

/**
 * The {@link IdempotencyStore} on PostgreSQL, one row per caller and key. It is meant to run outside any use-case
 * transaction, so that a claim is visible to other requests at once.
 *
 * <p>{@link #begin} is one statement: an insert that, on conflict, takes the row over only if it has expired, and
 * otherwise reads the row that is there. Of two requests racing for one key exactly one gets {@link Started}: the
 * insert or the take-over is decided under the row's lock, with the expiry checked again on the latest version.
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
    private static final Field<?>[] LIVE_ROW = {IDEMPOTENCY_KEYS.REQUEST_HASH, IDEMPOTENCY_KEYS.STATE,
            IDEMPOTENCY_KEYS.STATUS, IDEMPOTENCY_KEYS.CONTENT_TYPE, IDEMPOTENCY_KEYS.HEADERS, IDEMPOTENCY_KEYS.BODY,
            IDEMPOTENCY_KEYS.EXPIRES_AT};

    private final JooqSession session;

    public JooqIdempotencyStore(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public BeginOutcome begin(String caller, String key, String requestHash, Instant now, Duration lease) {
        Instant expiresAt = now.plus(lease);
        return StoreErrors.translate(() -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Record found = claimOrRead(caller, key, requestHash, now, expiresAt);
                if (found != null) {
                    return found.get(CLAIMED) ? new Started()
                            : IdempotencyRecordMapper.outcome(found.into(IDEMPOTENCY_KEYS), requestHash);
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
        CommonTableExpression<IdempotencyKeysRecord> claim = DSL.name("claim").as(DSL.insertInto(IDEMPOTENCY_KEYS)
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
        return session.dsl().with(claim)
                .select(DSL.inline(true).as(CLAIMED)).select(claim.fields(LIVE_ROW))
                .from(claim)
                .unionAll(DSL.select(DSL.inline(false).as(CLAIMED)).select(LIVE_ROW)
                        .from(IDEMPOTENCY_KEYS)
                        .where(sameKey(caller, key))
                        .and(IDEMPOTENCY_KEYS.EXPIRES_AT.gt(now))
                        .andNotExists(DSL.selectOne().from(claim)))
                .fetchOne();
    }

    private static Condition sameKey(String caller, String key) {
        return IDEMPOTENCY_KEYS.CALLER.eq(caller).and(IDEMPOTENCY_KEYS.KEY.eq(key));
    }
}
