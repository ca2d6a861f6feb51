package dev.daap.application.event;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One live subscriber of the {@link EventHub}: a bounded buffer between the hub, which must never wait, and the
 * reader, which may be slow. When the buffer cannot take the next events the subscription ends as
 * {@link State#LAGGED} and drops what it held; the client resumes from the log with the last position it got, so
 * falling behind costs a reconnect, never memory or other subscribers' time.
 */
public final class Subscription implements AutoCloseable {
    public enum State {
        OPEN,
        LAGGED,
        CLOSED
    }

    private final EventFilter filter;
    private final int capacity;
    private final Consumer<Subscription> onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Event> buffer = new ArrayDeque<>();
    private State state = State.OPEN;

    Subscription(EventFilter filter, int capacity, Consumer<Subscription> onEnd) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a subscriber's buffer holds at least one event");
        }
        this.filter = filter;
        this.capacity = capacity;
        this.onEnd = onEnd;
    }

    /** Buffers the events this subscriber may see, all or none; false once it has ended (now or before). */
    boolean offer(List<Event> events) {
        List<Event> matching = events.stream().filter(filter::matches).toList();
        lock.lock();
        try {
            if (state != State.OPEN) {
                return false;
            }
            if (matching.isEmpty()) {
                return true;
            }
            if (buffer.size() + matching.size() > capacity) {
                endLocked(State.LAGGED);
            } else {
                buffer.addAll(matching);
                changed.signalAll();
                return true;
            }
        } finally {
            lock.unlock();
        }
        onEnd.accept(this);
        return false;
    }

    /**
     * Takes everything buffered, waiting up to {@code wait} for something to arrive. Empty when the wait ran out
     * or the subscription ended (see {@link #state()}).
     */
    public List<Event> poll(Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (buffer.isEmpty() && state == State.OPEN && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            List<Event> taken = new ArrayList<>(buffer);
            buffer.clear();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** How many events wait to be read; never more than the capacity. */
    public int buffered() {
        lock.lock();
        try {
            return buffer.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the subscription (the reader went away, or the hub shuts down); safe to call more than once. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (state != State.OPEN) {
                return;
            }
            endLocked(State.CLOSED);
        } finally {
            lock.unlock();
        }
        onEnd.accept(this);
    }

    private void endLocked(State end) {
        state = end;
        buffer.clear(); // a lagged subscriber resumes from the log: what it held is only memory now
        changed.signalAll();
    }
}
