package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.IdempotencyKeysRecord;
import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.StoredResponse;
import java.util.Map;
import org.jooq.JSONB;

/** Reads a live row as what {@code begin} reports, and carries the replayed headers as a JSONB object. */
final class IdempotencyRecordMapper {
    private IdempotencyRecordMapper() {}

    static boolean isCompleted(IdempotencyKeysRecord row) {
        return JooqIdempotencyStore.COMPLETED.equals(row.getState());
    }

    /** A live completed row: the response to replay to the same request, and what a later hit must check. */
    static CompletedResponse completed(IdempotencyKeysRecord row) {
        return new CompletedResponse(
                row.getRequestHash(),
                new StoredResponse(
                        row.getStatus(),
                        row.getContentType(),
                        JsonColumns.stringMap(row.getHeaders(), "headers"),
                        row.getBody()),
                row.getExpiresAt());
    }

    /** A live running row: another request's content, or the same request still being worked on. */
    static BeginOutcome running(IdempotencyKeysRecord row, String requestHash) {
        return row.getRequestHash().equals(requestHash) ? new InProgress() : new Mismatch();
    }

    static JSONB headersJson(Map<String, String> headers) {
        return JsonColumns.toJsonb(headers);
    }
}
