package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.IdempotencyStore.Started;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many statements each call costs, on a real database: one per {@code begin}, whatever it finds. Times are in
 * 2001, as in the contract, so no purge there counts these rows.
 */
class JooqIdempotencyStoreRoundTripsTest {
    private static final Instant T0 = Instant.parse("2001-02-03T04:05:06.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofHours(24);

    private final RolledBackTransaction transaction = new RolledBackTransaction();
    private final AtomicInteger statements = new AtomicInteger();
    private final DSLContext counted = transaction.dsl().configuration()
            .deriveAppending(ExecuteListener.onExecuteStart(context -> statements.incrementAndGet())).dsl();
    private final JooqIdempotencyStore store = new JooqIdempotencyStore(() -> counted);
    private final String caller = "caller-" + UUID.randomUUID();
    private final String key = "key-" + UUID.randomUUID();

    @AfterEach
    void rollBack() throws Exception {
        transaction.close();
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
