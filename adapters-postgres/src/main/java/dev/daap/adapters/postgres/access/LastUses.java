package dev.daap.adapters.postgres.access;

import static dev.daap.adapters.postgres.generated.Tables.API_KEYS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The latest use of each API key since the last write, kept in memory: a request must not pay for an UPDATE (and
 * a row lock that every request with the same key would queue on) just to move a timestamp.
 */
final class LastUses {
    /** Rows per statement: two bind values each, well below the protocol's 65,535. */
    static final int ROWS_PER_STATEMENT = 10_000;

    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    void record(UUID keyId, Instant at) {
        pending.merge(keyId, at, (known, latest) -> latest.isAfter(known) ? latest : known);
    }

    Map<UUID, Instant> snapshot() {
        return Map.copyOf(pending);
    }

    /** Drops what was written, unless a later use arrived meanwhile: that one waits for the next write. */
    void written(Map<UUID, Instant> batch) {
        batch.forEach((keyId, at) -> pending.remove(keyId, at));
    }

    int size() {
        return pending.size();
    }

    /**
     * Writes the batch in one statement per {@value #ROWS_PER_STATEMENT} keys. GREATEST keeps a newer time already
     * stored (by another instance, whose batch went first), and skips NULL, so a first use is written too.
     */
    static void write(DSLContext dsl, Map<UUID, Instant> batch) {
        List<Row2<UUID, Instant>> rows = new ArrayList<>(batch.size());
        batch.forEach((keyId, at) -> rows.add(DSL.row(keyId, at)));
        for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
            update(dsl, rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT)));
        }
    }

    @SuppressWarnings("unchecked") // a generic array for jOOQ's varargs VALUES
    private static void update(DSLContext dsl, List<Row2<UUID, Instant>> rows) {
        Table<?> uses = DSL.values(rows.toArray(Row2[]::new)).as("uses", "key_id", "used_at");
        Field<UUID> keyId = uses.field("key_id", UUID.class);
        Field<Instant> usedAt = uses.field("used_at", Instant.class);
        dsl.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, DSL.greatest(API_KEYS.LAST_USED_AT, usedAt))
                .from(uses)
                .where(API_KEYS.ID.eq(keyId))
                .execute();
    }
}
