package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.IdempotencyKeysRecord;
import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.IdempotencyStore.Replay;
import dev.daap.domain.idempotency.StoredResponse;
import org.jooq.JSONB;

import java.util.Map;

/** Reads a live row as what {@code begin} reports, and carries the replayed headers as a JSONB object. */
final class IdempotencyRecordMapper {
    private IdempotencyRecordMapper() {
    }

    /** A live (unexpired) row: another request's content, one still running, or one to replay. */
    static BeginOutcome outcome(IdempotencyKeysRecord row, String requestHash) {
        if (!row.getRequestHash().equals(requestHash)) {
            return new Mismatch();
        }
        if (JooqIdempotencyStore.RUNNING.equals(row.getState())) {
            return new InProgress();
        }
        return new Replay(new StoredResponse(row.getStatus(), row.getContentType(), JsonColumns.stringMap(row.getHeaders(), "headers"),
                row.getBody()));
    }

    static JSONB headersJson(Map<String, String> headers) {
        return JsonColumns.toJsonb(headers);
    }
}
