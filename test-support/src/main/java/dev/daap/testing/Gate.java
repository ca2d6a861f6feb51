package dev.daap.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one thread at a point of the code under test (a request in a store, a transaction before its commit)
 * until the test opens the gate, so that the test can check what happens meanwhile. Bounded both ways, so that a
 * regression fails the test instead of hanging it.
 */
public final class Gate {
    private static final Duration REACH_WITHIN = Duration.ofSeconds(20);
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(30);

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Called by the code under test: says it got here, then waits until the test {@link #open}s the gate. */
    public void hold() {
        reached.countDown();
        await(opened, HOLD_AT_MOST, "the test never opened the gate");
    }

    /** Waits until a thread is held at the gate. */
    public void awaitReached() {
        await(reached, REACH_WITHIN, "no thread reached the gate");
    }

    public void open() {
        opened.countDown();
    }

    private static void await(CountDownLatch latch, Duration timeout, String failure) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(failure + " within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
