package dev.daap.adapters.postgres.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.IdempotencyStore.Replay;
import dev.daap.domain.idempotency.IdempotencyStore.Started;
import dev.daap.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many statements each call costs, on a real database: one per {@code begin} that asks it, none for a replay
 * of a completed response held in memory. Each store is an instance of its own, as on two hosts; times are in 2001,
 * as in the contract, so no purge there counts these rows.
 */
class JooqIdempotencyStoreRoundTripsTest {
    private static final Instant T0 = Instant.parse("2001-02-03T04:05:06.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final StoredResponse CREATED = new StoredResponse(
            201,
            "application/json",
            Map.of("Location", "/v1/databases/1"),
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
    private static final StoredResponse OTHER =
            new StoredResponse(422, "application/problem+json", Map.of(), "{}".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final AtomicInteger statements = new AtomicInteger();
    private final DSLContext counted = transaction
            .dsl()
            .configuration()
            .deriveAppending(ExecuteListener.onExecuteStart(context -> statements.incrementAndGet()))
            .dsl();
    private final JooqIdempotencyStore store = new JooqIdempotencyStore(() -> counted);
    private final String caller = "caller-" + UUID.randomUUID();
    private final String key = "key-" + UUID.randomUUID();

    @Test
    void aReplayOfAResponseThisInstanceStoredIssuesNoStatement() {
        store.begin(caller, key, "hash-a", T0, LEASE);
        store.complete(caller, key, CREATED, T0.plus(RETENTION));
        int before = statements.get();

        assertThat(store.begin(caller, key, "hash-a", T0.plusSeconds(1), LEASE)).isEqualTo(new Replay(CREATED));
        assertThat(statements.get()).isEqualTo(before);
    }

    @Test
    void aCompletedRowAnotherInstanceStoredIsReadOnceThenRemembered() {
        JooqIdempotencyStore other = new JooqIdempotencyStore(() -> counted);
        other.begin(caller, key, "hash-a", T0, LEASE);
        other.complete(caller, key, CREATED, T0.plus(RETENTION));
        int before = statements.get();

        assertThat(store.begin(caller, key, "hash-a", T0.plusSeconds(1), LEASE)).isEqualTo(new Replay(CREATED));
        assertThat(statements.get()).as("one round trip to read it").isEqualTo(before + 1);
        assertThat(store.begin(caller, key, "hash-a", T0.plusSeconds(2), LEASE)).isEqualTo(new Replay(CREATED));
        assertThat(statements.get()).as("none after that").isEqualTo(before + 1);
    }

    @Test
    void anotherRequestWithTheKeyIsAMismatchFromMemoryToo() {
        store.begin(caller, key, "hash-a", T0, LEASE);
        store.complete(caller, key, CREATED, T0.plus(RETENTION));
        JooqIdempotencyStore reader = new JooqIdempotencyStore(() -> counted);
        reader.begin(caller, key, "hash-a", T0, LEASE);
        int before = statements.get();

        assertThat(store.begin(caller, key, "hash-b", T0.plusSeconds(1), LEASE)).isInstanceOf(Mismatch.class);
        assertThat(reader.begin(caller, key, "hash-b", T0.plusSeconds(1), LEASE))
                .isInstanceOf(Mismatch.class);
        assertThat(statements.get()).isEqualTo(before);
    }

    @Test
    void anExpiredResponseIsNotReplayedButTakenOver() {
        Instant keepUntil = T0.plus(RETENTION);
        store.begin(caller, key, "hash-a", T0, LEASE);
        store.complete(caller, key, CREATED, keepUntil);
        assertThat(store.begin(caller, key, "hash-a", keepUntil.minusNanos(1000), LEASE))
                .isEqualTo(new Replay(CREATED));

        assertThat(store.begin(caller, key, "hash-a", keepUntil, LEASE)).isInstanceOf(Started.class);
        assertThat(store.begin(caller, key, "hash-a", keepUntil, LEASE)).isInstanceOf(InProgress.class);
        store.complete(caller, key, OTHER, keepUntil.plus(RETENTION));
        assertThat(store.begin(caller, key, "hash-a", keepUntil.plusSeconds(1), LEASE))
                .isEqualTo(new Replay(OTHER));
    }

    @Test
    void onlyAResponseTheDatabaseStoredIsRemembered() {
        store.complete(caller, key, CREATED, T0.plus(RETENTION));
        assertThat(store.begin(caller, key, "hash-a", T0, LEASE))
                .as("nothing was claimed, so nothing was stored")
                .isInstanceOf(Started.class);

        store.complete(caller, key, CREATED, T0.plus(RETENTION));
        store.complete(caller, key, OTHER, T0.plus(RETENTION));
        assertThat(store.begin(caller, key, "hash-a", T0, LEASE))
                .as("a completed row keeps its first response")
                .isEqualTo(new Replay(CREATED));
    }

    @Test
    void beginIsOneStatementWhateverItFinds() {
        assertThat(countedBegin("hash-a", T0)).isInstanceOf(Started.class);
        assertThat(countedBegin("hash-a", T0.plusSeconds(1))).isInstanceOf(InProgress.class);
        assertThat(countedBegin("hash-b", T0.plusSeconds(1))).isInstanceOf(Mismatch.class);
        assertThat(countedBegin("hash-b", T0.plus(LEASE))).as("taken over").isInstanceOf(Started.class);
    }

    private BeginOutcome countedBegin(String requestHash, Instant now) {
        int before = statements.get();
        BeginOutcome outcome = store.begin(caller, key, requestHash, now, LEASE);
        assertThat(statements.get() - before).as("statements for %s", outcome).isEqualTo(1);
        return outcome;
    }
}
