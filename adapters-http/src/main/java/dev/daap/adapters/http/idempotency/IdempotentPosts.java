package dev.daap.adapters.http.idempotency;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.IdempotencyStore.Replay;
import dev.daap.domain.idempotency.IdempotencyStore.Started;
import dev.daap.domain.idempotency.StoredResponse;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on POST: the first answer to a key (below 500) is kept and sent again, unchanged, to every
 * retry with that key and the same request, without doing the work again. It wraps the route's handler rather than
 * being a before/after pair, because it needs the final response of a handler that failed (a 422 is kept too) and
 * must release the key on every way out, an {@link Error} included; Javalin's after-handlers do not run for those.
 */
public final class IdempotentPosts {
    static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger log = LoggerFactory.getLogger(IdempotentPosts.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final ExceptionHandler<Exception> problems;
    private final UnreleasedClaims unreleased = new UnreleasedClaims();

    /** @param problems turns a handler's exception into the problem response, as the exception mapper would */
    public IdempotentPosts(Idempotency idempotency, ExceptionHandler<Exception> problems) {
        this.store = idempotency.store();
        this.clock = idempotency.clock();
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** {@code handler}, run at most once per caller and key; without the header it runs as it is. */
    public Handler idempotent(Handler handler) {
        return ctx -> {
            var key = IdempotencyKeyHeader.read(ctx);
            if (key.isEmpty()) {
                handler.handle(ctx);
                return;
            }
            String caller = Callers.idempotencyScopeOf(ctx);
            String hash = RequestFingerprint.of(ctx);
            Instant now = clock.instant();
            unreleased.take(caller, key.get(), now).ifPresent(claimedAt -> release(caller, key.get(), claimedAt));
            switch (store.begin(caller, key.get(), hash, now, IdempotencyStore.RUNNING_LEASE)) {
                case Started ignored -> runOnce(handler, ctx, caller, key.get(), now);
                case Replay replay -> ResponseCopies.replay(ctx, replay.response());
                case InProgress ignored -> {
                    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                    throw new HttpProblemException(
                            ProblemType.IDEMPOTENCY_KEY_IN_USE,
                            "a request with this "
                                    + "Idempotency-Key is still being processed; retry shortly to get its response",
                            List.of());
                }
                case Mismatch ignored ->
                    throw new HttpProblemException(
                            ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was already used for a different request; use a new key for a new "
                                    + "request",
                            List.of());
            }
        };
    }

    /**
     * {@code handler} on a route whose response must never be stored, such as a new password: a request with a key
     * is refused, so that no client believes a retry is safe to replay there.
     */
    public Handler refusingKeys(Handler handler, String reason) {
        return ctx -> {
            if (IdempotencyKeyHeader.isPresent(ctx)) {
                throw HttpProblemException.malformed(
                        "Idempotency-Key is not accepted on " + ctx.path() + ": " + reason);
            }
            handler.handle(ctx);
        };
    }

    /**
     * A 5xx or an escaped failure releases the key at once: nothing was promised, so the client's retry runs again.
     * If the store is away then too (a 503 usually means it is), the release is owed: see {@link UnreleasedClaims}.
     */
    private void runOnce(Handler handler, Context ctx, String caller, String key, Instant claimedAt) throws Exception {
        boolean kept = false;
        try {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                problems.handle(e, ctx);
            }
            StoredResponse response = ResponseCopies.capture(ctx);
            if (response.status() < 500) {
                kept = keep(caller, key, response);
            }
        } finally {
            if (!kept) {
                release(caller, key, claimedAt);
            }
        }
    }

    /**
     * The work is done and the client is about to get its answer; if that answer cannot be stored, the key is
     * released instead of failing a request that succeeded. A retry then runs again, as without a key.
     */
    private boolean keep(String caller, String key, StoredResponse response) {
        try {
            store.complete(caller, key, response, clock.instant().plus(IdempotencyStore.RETENTION));
            return true;
        } catch (RuntimeException e) {
            log.warn("could not store the response for an idempotency key; a retry will run again", e);
            return false;
        }
    }

    private void release(String caller, String key, Instant claimedAt) {
        try {
            store.abandon(caller, key);
        } catch (RuntimeException e) {
            unreleased.remember(caller, key, claimedAt);
            log.warn(
                    "could not release an idempotency key; the next request with it on this instance will, or its "
                            + "lease frees it within " + IdempotencyStore.RUNNING_LEASE.toMinutes() + " minutes",
                    e);
        }
    }
}
