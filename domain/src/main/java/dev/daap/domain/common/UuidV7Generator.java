package dev.daap.domain.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * RFC 9562 UUID version 7: 48 bits of Unix milliseconds, then randomness. Time-ordered keys keep B-tree inserts
 * at the right edge of the index. Within one millisecond the 12-bit {@code rand_a} field counts up (method 1 of
 * RFC 9562 §6.2), so ids from one generator are strictly increasing.
 */
public final class UuidV7Generator implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads
    private long lastMillis = -1;
    private int counter;

    public UuidV7Generator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID newId() {
        long millis;
        int sequence;
        lock.lock();
        try {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) { // sequence exhausted: borrow the next millisecond
                    millis++;
                    counter = random.nextInt(0x800);
                }
            } else {
                counter = random.nextInt(0x800); // leave headroom so the count rarely overflows
            }
            lastMillis = millis;
            sequence = counter;
        } finally {
            lock.unlock();
        }
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
