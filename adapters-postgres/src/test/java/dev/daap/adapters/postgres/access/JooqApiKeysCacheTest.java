package dev.daap.adapters.postgres.access;

import static dev.daap.adapters.postgres.generated.Tables.API_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The prefix cache on a real database: the store counts its statements, and rows are changed behind its back
 * through another handle on the same transaction. Time is a ticker the tests move, so nothing sleeps.
 */
class JooqApiKeysCacheTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final DSLContext counted = transaction
            .dsl()
            .configuration()
            .derive(ExecuteListener.onExecuteStart(context -> statements.incrementAndGet()))
            .dsl();
    private final JooqApiKeys keys = new JooqApiKeys(() -> counted, TTL, nanos::get);
    private final TeamSlug team = new TeamSlug(
            "cache-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));

    @Test
    void aSecondLookupIsAnsweredWithoutTheDatabase() {
        ApiKey key = add(aKey());
        assertThat(keys.findByPrefix(key.prefix())).contains(key);
        int before = statements.get();
        behindTheCachesBack()
                .deleteFrom(API_KEYS)
                .where(API_KEYS.ID.eq(key.id()))
                .execute();

        assertThat(keys.findByPrefix(key.prefix())).contains(key);
        assertThat(statements.get()).isEqualTo(before);
    }

    @Test
    void anEntryIsReadAgainOnceItsTimeToLiveHasPassed() {
        ApiKey key = add(aKey());
        keys.findByPrefix(key.prefix());
        behindTheCachesBack()
                .update(API_KEYS)
                .set(API_KEYS.DESCRIPTION, "changed elsewhere")
                .where(API_KEYS.ID.eq(key.id()))
                .execute();

        advance(TTL.minusNanos(1));
        assertThat(keys.findByPrefix(key.prefix()).orElseThrow().description()).isEqualTo(key.description());
        advance(Duration.ofNanos(1));
        assertThat(keys.findByPrefix(key.prefix()).orElseThrow().description()).isEqualTo("changed elsewhere");
    }

    @Test
    void anUnknownPrefixIsRememberedOnlyForAFewSeconds() {
        ApiKey key = aKey();
        assertThat(keys.findByPrefix(key.prefix())).isEmpty();
        int before = statements.get();
        assertThat(keys.findByPrefix(key.prefix())).isEmpty();
        assertThat(statements.get()).as("the second miss is cached").isEqualTo(before);
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        behindTheCachesBack().executeInsert(ApiKeyRecordMapper.toRecord(key)); // added by another instance

        advance(JooqApiKeys.ABSENT_TTL.minusNanos(1));
        assertThat(keys.findByPrefix(key.prefix())).isEmpty();
        advance(Duration.ofNanos(1));
        assertThat(keys.findByPrefix(key.prefix())).contains(key);
        assertThat(JooqApiKeys.ABSENT_TTL).isLessThan(TTL);
    }

    @Test
    void addingAKeyHereForgetsAtOnceThatItsPrefixWasUnknown() {
        ApiKey key = aKey();
        assertThat(keys.findByPrefix(key.prefix())).isEmpty();

        add(key);

        assertThat(keys.findByPrefix(key.prefix())).contains(key);
    }

    @Test
    void aKeyRevokedHereIsSeenRevokedAtOnceWithoutReadingItAgain() {
        ApiKey key = add(aKey());
        keys.findByPrefix(key.prefix());

        assertThat(keys.revoke(key.id(), T0.plusSeconds(60))).isTrue();
        int afterRevoke = statements.get();

        assertThat(keys.findByPrefix(key.prefix())).contains(key.revoked(T0.plusSeconds(60)));
        assertThat(statements.get()).isEqualTo(afterRevoke);
        advance(TTL);
        assertThat(keys.findByPrefix(key.prefix()))
                .as("and so does the database")
                .contains(key.revoked(T0.plusSeconds(60)));
    }

    @Test
    void aKeyRevokedThroughAnotherInstanceIsSeenRevokedHereWithinTheTimeToLive() {
        ApiKey key = add(aKey());
        var otherInstance = new JooqApiKeys(transaction::dsl, TTL, nanos::get);
        keys.findByPrefix(key.prefix());

        otherInstance.revoke(key.id(), T0.plusSeconds(60));

        assertThat(keys.findByPrefix(key.prefix()).orElseThrow().revokedAt()).isNull();
        advance(TTL);
        assertThat(keys.findByPrefix(key.prefix()).orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(60));
    }

    private ApiKey aKey() {
        return ApiKey.issue(UUID.randomUUID(), team, Role.MEMBER, ApiToken.generate(RANDOM), "cache test", T0, null);
    }

    private ApiKey add(ApiKey key) {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        keys.add(key);
        return key;
    }

    /** The same transaction, but not through the store: its statements are not counted and miss the cache. */
    private DSLContext behindTheCachesBack() {
        return transaction.dsl();
    }

    private void advance(Duration step) {
        nanos.addAndGet(step.toNanos());
    }
}
