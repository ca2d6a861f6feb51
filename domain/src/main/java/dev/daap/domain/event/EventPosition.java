package dev.daap.domain.event;

import java.util.regex.Pattern;

/**
 * Where an event sits in the log, and the point a client resumes after: the writing transaction's id, then a
 * sequence number, compared in that order. The sequence alone would follow insert order, not commit order: a
 * transaction that took number 10 can commit after the one that took 11. Ordering by transaction first, and
 * publishing a transaction's events only once every older transaction has ended, makes the published log grow at
 * its end only, so "everything after this position" never misses an event that committed late.
 *
 * <p>Clients see it as one opaque string ({@link #encode()}): both numbers in fixed-width hex, so the strings
 * also sort in position order, which helps whoever reads a log.
 */
public record EventPosition(long xid, long seq) implements Comparable<EventPosition> {
    /** Before every event: reading after it reads from the oldest event kept. */
    public static final EventPosition ORIGIN = new EventPosition(0, 0);

    private static final Pattern ENCODED = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{16}");

    public EventPosition {
        if (xid < 0 || seq < 0) {
            throw new IllegalArgumentException("an event position is never negative");
        }
    }

    /** Reads a position sent back by a client; throws {@link IllegalArgumentException} for anything else. */
    public static EventPosition parse(String raw) {
        if (raw == null || !ENCODED.matcher(raw).matches()) {
            throw new IllegalArgumentException("is not an event id returned by this API");
        }
        long xid = Long.parseUnsignedLong(raw, 0, 16, 16);
        long seq = Long.parseUnsignedLong(raw, 17, 33, 16);
        if (xid < 0 || seq < 0) {
            throw new IllegalArgumentException("is not an event id returned by this API");
        }
        return new EventPosition(xid, seq);
    }

    public String encode() {
        return String.format("%016x-%016x", xid, seq);
    }

    public boolean isAfter(EventPosition other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(EventPosition other) {
        int byTransaction = Long.compare(xid, other.xid);
        return byTransaction != 0 ? byTransaction : Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return encode();
    }
}
