package dev.daap.adapters.postgres.access;

import static dev.daap.adapters.postgres.generated.Tables.API_KEYS;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ApiKeys} port on PostgreSQL. {@link #findByPrefix}, on every request's path, is answered from a
 * cache of this instance for up to {@code ttl} (an unknown prefix for up to {@link #ABSENT_TTL}). A key revoked
 * through this instance is seen revoked here at once, other instances see it within their ttl. Uses are kept in
 * memory until {@link #flushUsage}.
 */
public final class JooqApiKeys implements ApiKeys {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** Short: a key created on another instance must start working here soon. */
    public static final Duration ABSENT_TTL = Duration.ofSeconds(5);

    static final String PREFIX_CONSTRAINT = "api_keys_prefix_key";
    /** The advisory lock of {@link #lockPlatformKeys}: "daap" in ASCII, then 1. */
    static final long PLATFORM_KEYS_LOCK = 0x6461_6170_0000_0001L;

    private static final Logger log = LoggerFactory.getLogger(JooqApiKeys.class);

    private final JooqSession session;
    private final PrefixCache cache;
    private final LastUses lastUses = new LastUses();
    private final ReentrantLock flushing = new ReentrantLock(); // not synchronized: avoids pinning virtual threads
    private boolean flushFailing;

    public JooqApiKeys(JooqSession session) {
        this(session, DEFAULT_TTL, Ticker.systemTicker());
    }

    /** {@code ticker} measures the entries' age; tests pass one they move by hand. */
    public JooqApiKeys(JooqSession session, Duration ttl, Ticker ticker) {
        this.session = Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticker, "ticker");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the cache's time to live must not be negative: " + ttl);
        }
        Duration absentTtl = ttl.compareTo(ABSENT_TTL) < 0 ? ttl : ABSENT_TTL;
        this.cache = new PrefixCache(ttl, absentTtl, ticker);
    }

    @Override
    public void add(ApiKey key) {
        try {
            session.dsl().executeInsert(ApiKeyRecordMapper.toRecord(key));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, PREFIX_CONSTRAINT)) {
                throw new IllegalStateException("an API key with prefix " + key.prefix() + " exists", e);
            }
            throw e;
        }
        cache.forget(key.prefix()); // it may be cached as unknown
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return cache.get(prefix, this::load);
    }

    /** Key lookups by prefix answered from this instance's cache since start, and those that read the table. */
    public long cacheHits() {
        return cache.hits();
    }

    public long cacheMisses() {
        return cache.misses();
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return session.dsl()
                .selectFrom(API_KEYS)
                .where(API_KEYS.ID.eq(id))
                .fetchOptional()
                .map(ApiKeyRecordMapper::toDomain);
    }

    @Override
    public List<ApiKey> listForTeam(TeamSlug team) {
        return session.dsl()
                .selectFrom(API_KEYS)
                .where(API_KEYS.TEAM.eq(team.value()))
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc())
                .fetch(ApiKeyRecordMapper::toDomain);
    }

    @Override
    public List<ApiKey> listPlatformKeys() {
        return session.dsl()
                .selectFrom(API_KEYS)
                .where(API_KEYS.TEAM.isNull())
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc())
                .fetch(ApiKeyRecordMapper::toDomain);
    }

    /**
     * Stores the revoked key in the cache rather than only dropping the entry: a request that reloaded the row
     * before this transaction commits would otherwise cache the key unrevoked for a whole ttl. If the transaction
     * rolls back, this instance refuses the key until the entry expires, which errs on the safe side.
     */
    @Override
    public boolean revoke(UUID id, Instant at) {
        Optional<ApiKey> revoked = session.dsl()
                .update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, at)
                .where(API_KEYS.ID.eq(id).and(API_KEYS.REVOKED_AT.isNull()))
                .returning()
                .fetchOptional()
                .map(ApiKeyRecordMapper::toDomain);
        revoked.ifPresent(cache::put);
        return revoked.isPresent();
    }

    @Override
    public void recordUse(UUID id, Instant at) {
        lastUses.record(id, at);
    }

    @Override
    public boolean anyPlatformAdminKey() {
        // Served by the partial index api_keys_platform_admin_idx.
        return session.dsl().fetchExists(API_KEYS, API_KEYS.ROLE.eq(Role.PLATFORM_ADMIN.wireName()));
    }

    /**
     * A transaction-scoped advisory lock: unlike row locks it also holds while there is no platform key yet. Its
     * key is the same in every schema of the database, so installations sharing one serialise these rare, short
     * transactions with each other too.
     */
    @Override
    public void lockPlatformKeys() {
        session.dsl()
                .select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(PLATFORM_KEYS_LOCK)))
                .fetch();
    }

    /**
     * Writes the uses recorded since the last flush, in one statement, never moving a stored time backwards. Meant
     * for a scheduler (every ~30 s, and at shutdown), outside any transaction: it never throws, and on failure it
     * keeps the times for the next flush and logs once until a flush succeeds again.
     */
    public void flushUsage() {
        flushing.lock();
        try {
            Map<UUID, Instant> batch = lastUses.snapshot();
            if (batch.isEmpty()) {
                return;
            }
            try {
                LastUses.write(session.dsl(), batch);
                lastUses.written(batch);
                if (flushFailing) {
                    log.info("Recorded the last use of {} API keys again, after failed attempts", batch.size());
                    flushFailing = false;
                }
            } catch (RuntimeException e) {
                if (!flushFailing) {
                    log.warn(
                            "Could not record the last use of {} API keys; keeping them for the next flush",
                            batch.size(),
                            e);
                }
                flushFailing = true;
            }
        } finally {
            flushing.unlock();
        }
    }

    /** How many keys have a use that is not written yet. */
    public int pendingUses() {
        return lastUses.size();
    }

    private Optional<ApiKey> load(String prefix) {
        return session.dsl()
                .selectFrom(API_KEYS)
                .where(API_KEYS.PREFIX.eq(prefix))
                .fetchOptional()
                .map(ApiKeyRecordMapper::toDomain);
    }
}
