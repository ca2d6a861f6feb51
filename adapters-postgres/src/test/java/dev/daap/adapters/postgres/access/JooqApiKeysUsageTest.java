package dev.daap.adapters.postgres.access;

import static dev.daap.adapters.postgres.generated.Tables.API_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uses are written in batches, off the request path: when, in how many statements, and what survives a failure. */
class JooqApiKeysUsageTest {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final DSLContext counted = transaction
            .dsl()
            .configuration()
            .derive(ExecuteListener.onExecuteStart(context -> statements.incrementAndGet()))
            .dsl();
    private final JooqSession session = () -> {
        if (databaseDown.get()) {
            throw new DataAccessException("connection refused (simulated)");
        }
        return counted;
    };
    private final JooqApiKeys keys = new JooqApiKeys(session);
    private final TeamSlug team = new TeamSlug(
            "usage-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));

    @Test
    void aUseIsNotWrittenUntilTheFlush() {
        ApiKey key = add();
        int before = statements.get();

        keys.recordUse(key.id(), T0.plusSeconds(1));

        assertThat(statements.get()).isEqualTo(before);
        assertThat(storedLastUse(key)).isNull();
        keys.flushUsage();
        assertThat(storedLastUse(key)).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void oneStatementWritesTheLatestUseOfManyKeys() {
        List<ApiKey> used = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApiKey key = add();
            keys.recordUse(key.id(), T0.plusSeconds(100 + i));
            keys.recordUse(key.id(), T0.plusSeconds(i)); // an older use, reported late
            used.add(key);
        }
        int before = statements.get();

        keys.flushUsage();

        assertThat(statements.get() - before).isOne();
        for (int i = 0; i < used.size(); i++) {
            assertThat(storedLastUse(used.get(i))).isEqualTo(T0.plusSeconds(100 + i));
        }
        int afterFlush = statements.get();
        keys.flushUsage();
        assertThat(statements.get()).as("nothing left to write").isEqualTo(afterFlush);
    }

    @Test
    void aFlushNeverMovesAStoredTimeBackwards() {
        ApiKey key = add();
        // Another instance wrote a later use first.
        transaction
                .dsl()
                .update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, T0.plusSeconds(500))
                .where(API_KEYS.ID.eq(key.id()))
                .execute();

        keys.recordUse(key.id(), T0.plusSeconds(200));
        keys.flushUsage();

        assertThat(storedLastUse(key)).isEqualTo(T0.plusSeconds(500));
    }

    @Test
    void aFailedFlushThrowsNothingAndKeepsTheUsesForTheNextOne() {
        ApiKey first = add();
        ApiKey second = add();
        keys.recordUse(first.id(), T0.plusSeconds(10));
        keys.recordUse(second.id(), T0.plusSeconds(20));

        databaseDown.set(true);
        keys.flushUsage();
        keys.flushUsage();
        assertThat(keys.pendingUses()).isEqualTo(2);

        keys.recordUse(first.id(), T0.plusSeconds(30)); // while the database is away
        databaseDown.set(false);
        keys.flushUsage();

        assertThat(keys.pendingUses()).isZero();
        assertThat(storedLastUse(first)).isEqualTo(T0.plusSeconds(30));
        assertThat(storedLastUse(second)).isEqualTo(T0.plusSeconds(20));
    }

    private ApiKey add() {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        ApiKey key = ApiKey.issue(UUID.randomUUID(), team, Role.VIEWER, ApiToken.generate(RANDOM), "", T0, null);
        keys.add(key);
        return key;
    }

    private Instant storedLastUse(ApiKey key) {
        return transaction
                .dsl()
                .select(API_KEYS.LAST_USED_AT)
                .from(API_KEYS)
                .where(API_KEYS.ID.eq(key.id()))
                .fetchSingle()
                .value1();
    }
}
