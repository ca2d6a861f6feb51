package dev.daap.adapters.postgres.idempotency;

import static dev.daap.adapters.postgres.generated.Tables.IDEMPOTENCY_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Started;
import dev.daap.domain.idempotency.StoredResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two requests for one key at once, each on a connection of its own in autocommit, as in production: rows are
 * committed, so they are dated 2100 (no purge in the contract, dated 2001, reaches them) and deleted afterwards.
 */
class JooqIdempotencyStoreRaceTest {
    private static final Instant T0 = Instant.parse("2100-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ROUNDS = 20;

    private final String caller = "race-" + UUID.randomUUID();
    private final List<Connection> connections = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void cleanUp() throws SQLException {
        threads.shutdownNow();
        autocommit()
                .deleteFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.CALLER.eq(caller))
                .execute();
        for (Connection connection : connections) {
            connection.close();
        }
    }

    @Test
    void ofTwoRequestsClaimingANewKeyExactlyOneStarts() throws Exception {
        JooqIdempotencyStore first = store();
        JooqIdempotencyStore second = store();
        for (int round = 0; round < ROUNDS; round++) {
            String key = "new-" + round;

            assertThat(race(first, second, key, "hash-a", T0))
                    .as("round %d", round)
                    .containsExactlyInAnyOrder(new Started(), new InProgress());
        }
    }

    @Test
    void ofTwoRequestsTakingOverAnExpiredKeyExactlyOneStarts() throws Exception {
        JooqIdempotencyStore earlier = store();
        JooqIdempotencyStore first = store();
        JooqIdempotencyStore second = store();
        var response = new StoredResponse(201, null, Map.of(), new byte[0]);
        for (int round = 0; round < ROUNDS; round++) {
            String key = "expired-" + round;
            earlier.begin(caller, key, "hash-a", T0, LEASE);
            earlier.complete(caller, key, response, T0.plus(LEASE));

            assertThat(race(first, second, key, "hash-b", T0.plus(LEASE)))
                    .as("round %d", round)
                    .containsExactlyInAnyOrder(new Started(), new InProgress());
        }
    }

    private List<BeginOutcome> race(
            JooqIdempotencyStore first, JooqIdempotencyStore second, String key, String requestHash, Instant now)
            throws Exception {
        var barrier = new CyclicBarrier(2);
        List<Future<BeginOutcome>> outcomes = new ArrayList<>();
        for (JooqIdempotencyStore store : List.of(first, second)) {
            outcomes.add(threads.submit(() -> {
                barrier.await();
                return store.begin(caller, key, requestHash, now, LEASE);
            }));
        }
        List<BeginOutcome> results = new ArrayList<>();
        for (Future<BeginOutcome> outcome : outcomes) {
            results.add(outcome.get());
        }
        return results;
    }

    /** A store on a connection of its own, as another instance would be. */
    private JooqIdempotencyStore store() throws SQLException {
        DSLContext dsl = autocommit();
        return new JooqIdempotencyStore(() -> dsl);
    }

    /** A DSLContext on a connection of its own, in autocommit. */
    private DSLContext autocommit() throws SQLException {
        Connection connection = MigratedDatabase.dataSource().getConnection();
        connections.add(connection);
        return DSL.using(connection, SQLDialect.POSTGRES, JooqFactory.settings(MigratedDatabase.SCHEMA));
    }
}
