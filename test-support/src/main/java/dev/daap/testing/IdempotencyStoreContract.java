package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.idempotency.IdempotencyStore;
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
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of {@link IdempotencyStore} keeps; the in-memory fake and the PostgreSQL store both
 * extend this class. Callers and keys are unique per test, so tests in parallel transactions never wait on each
 * other's rows; times are in 2001, long before any real row, so a purge here never counts rows a test did not make.
 */
public abstract class IdempotencyStoreContract {
    private static final Instant T0 = Instant.parse("2001-02-03T04:05:06.123456Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final StoredResponse CREATED = new StoredResponse(
            201,
            "application/json",
            Map.of("Location", "/v1/databases/1", "ETag", "\"1\""),
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    private final String caller = "caller-" + UUID.randomUUID();
    private final String key = "key-" + UUID.randomUUID();

    /** The store under test, ready to use. */
    protected abstract IdempotencyStore store();

    @Test
    void aNewKeyIsStartedAndThenInProgressForTheSameRequest() {
        assertThat(store().begin(caller, key, "hash-a", T0, RETENTION)).isInstanceOf(Started.class);

        assertThat(store().begin(caller, key, "hash-a", T0.plusSeconds(1), RETENTION))
                .isInstanceOf(InProgress.class);
    }

    @Test
    void aCompletedKeyReplaysTheStoredResponseExactly() {
        store().begin(caller, key, "hash-a", T0, RETENTION);

        store().complete(caller, key, CREATED, T0.plus(RETENTION));

        assertThat(store().begin(caller, key, "hash-a", T0.plusSeconds(1), RETENTION))
                .isEqualTo(new Replay(CREATED));
    }

    @Test
    void aResponseWithoutTypeHeadersOrBodyRoundTrips() {
        var empty = new StoredResponse(204, null, Map.of(), new byte[0]);
        store().begin(caller, key, "hash-a", T0, RETENTION);

        store().complete(caller, key, empty, T0.plus(RETENTION));

        assertThat(store().begin(caller, key, "hash-a", T0, RETENTION)).isEqualTo(new Replay(empty));
    }

    @Test
    void theSameKeyWithAnotherRequestIsAMismatchWhetherRunningOrCompleted() {
        store().begin(caller, key, "hash-a", T0, RETENTION);
        assertThat(store().begin(caller, key, "hash-b", T0, RETENTION)).isInstanceOf(Mismatch.class);

        store().complete(caller, key, CREATED, T0.plus(RETENTION));
        assertThat(store().begin(caller, key, "hash-b", T0, RETENTION)).isInstanceOf(Mismatch.class);
    }

    @Test
    void keysBelongToTheirCaller() {
        store().begin(caller, key, "hash-a", T0, RETENTION);
        store().complete(caller, key, CREATED, T0.plus(RETENTION));

        assertThat(store().begin(caller + "-other", key, "hash-b", T0, RETENTION))
                .isInstanceOf(Started.class);
    }

    @Test
    void anAbandonedKeyCanBeStartedAgain() {
        store().begin(caller, key, "hash-a", T0, RETENTION);

        store().abandon(caller, key);

        assertThat(store().begin(caller, key, "hash-b", T0, RETENTION)).isInstanceOf(Started.class);
    }

    @Test
    void abandonNeverForgetsACompletedResponse() {
        store().begin(caller, key, "hash-a", T0, RETENTION);
        store().complete(caller, key, CREATED, T0.plus(RETENTION));

        store().abandon(caller, key);

        assertThat(store().begin(caller, key, "hash-a", T0, RETENTION)).isEqualTo(new Replay(CREATED));
    }

    @Test
    void anExpiredKeyIsTakenOverAsNew() {
        store().begin(caller, key, "hash-a", T0, RETENTION);
        store().complete(caller, key, CREATED, T0.plus(RETENTION));
        Instant later = T0.plus(RETENTION);

        assertThat(store().begin(caller, key, "hash-b", later, RETENTION)).isInstanceOf(Started.class);
        assertThat(store().begin(caller, key, "hash-b", later, RETENTION)).isInstanceOf(InProgress.class);
        assertThat(store().begin(caller, key, "hash-b", later.plus(RETENTION).minusNanos(1000), RETENTION))
                .as("the new claim has its own retention")
                .isInstanceOf(InProgress.class);
    }

    @Test
    void aClaimWhoseRequestDiedFreesTheKeyAfterItsLeaseWhileAResponseIsKeptLonger() {
        Duration lease = Duration.ofMinutes(2);
        String answered = key + "-answered";
        store().begin(caller, key, "hash-a", T0, lease); // its process dies: never completed nor abandoned
        store().begin(caller, answered, "hash-a", T0, lease);
        store().complete(caller, answered, CREATED, T0.plus(RETENTION));

        assertThat(store().begin(caller, key, "hash-a", T0.plus(lease).minusNanos(1000), lease))
                .isInstanceOf(InProgress.class);
        assertThat(store().begin(caller, key, "hash-a", T0.plus(lease), lease)).isInstanceOf(Started.class);
        assertThat(store().begin(caller, answered, "hash-a", T0.plus(lease).plusSeconds(60), lease))
                .isEqualTo(new Replay(CREATED));
    }

    @Test
    void deleteExpiredRemovesOnlyWhatExpired() {
        String other = key + "-young";
        store().begin(caller, key, "hash-a", T0, RETENTION);
        store().complete(caller, key, CREATED, T0.plus(RETENTION));
        store().begin(caller, other, "hash-a", T0.plusSeconds(10), RETENTION);

        assertThat(store().deleteExpired(T0.plus(RETENTION).minusNanos(1000))).isZero();
        assertThat(store().deleteExpired(T0.plus(RETENTION))).isEqualTo(1);

        assertThat(store().begin(caller, other, "hash-a", T0.plusSeconds(20), RETENTION))
                .isInstanceOf(InProgress.class);
        assertThat(store().deleteExpired(T0.plus(RETENTION).plusSeconds(10))).isEqualTo(1);
    }
}
