package dev.daap.adapters.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notifications of committed transactions from one background sender, as many as are waiting in one
 * statement, so that a request does not wait for its own {@code NOTIFY} round trip and a busy server sends one
 * {@code NOTIFY} transaction per batch instead of one per commit (each takes PostgreSQL's cluster-wide notify
 * lock). Order is kept: notifications go out in the order they were handed over.
 */
final class NotificationSender {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    /** Two bind values each: far below the protocol's 32,767. */
    static final int MAX_PER_STATEMENT = 1_000;

    private final DSLContext base;
    private final Executor executor;
    private final Queue<Field<?>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    NotificationSender(DSLContext base) {
        this(base, task -> Thread.ofVirtual().name("daap-notify").start(task));
    }

    NotificationSender(DSLContext base, Executor executor) {
        this.base = base;
        this.executor = executor;
    }

    /** {@code pg_notify(channel, payload)}, to be sent by {@link #send} or in a statement of its own. */
    static Field<?> notification(String channel, String payload) {
        return DSL.function("pg_notify", Object.class, DSL.val(channel), DSL.val(payload));
    }

    void send(Collection<Field<?>> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        waiting.addAll(notifications);
        if (sending.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /**
     * Runs while there is something to send. The flag is cleared before the last look at the queue, so a
     * notification queued meanwhile either is seen here or starts a new drain.
     */
    private void drain() {
        do {
            try {
                for (List<Field<?>> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
                    sendNow(batch);
                }
            } finally {
                sending.set(false);
            }
        } while (!waiting.isEmpty() && sending.compareAndSet(false, true));
    }

    private List<Field<?>> nextBatch() {
        List<Field<?>> batch = new ArrayList<>();
        for (Field<?> next; batch.size() < MAX_PER_STATEMENT && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    /** The work is committed whatever happens here: a failure is logged, and listeners catch up by polling. */
    private void sendNow(List<Field<?>> batch) {
        try {
            base.select(batch).fetch();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not send {} notification(s) after their commits; listeners pick the changes up when "
                            + "they next poll",
                    batch.size(),
                    e);
        }
    }
}
