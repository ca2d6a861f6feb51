package dev.daap.adapters.postgres.idempotency;

import dev.daap.adapters.postgres.generated.tables.records.IdempotencyKeysRecord;
import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.InProgress;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.IdempotencyStore.Replay;
import dev.daap.domain.idempotency.StoredResponse;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

import java.util.LinkedHashMap;
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
        return new Replay(new StoredResponse(row.getStatus(), row.getContentType(), headersFrom(row.getHeaders()),
                row.getBody()));
    }

    static JSONB headersJson(Map<String, String> headers) {
        return JSONB.valueOf(JSONObject.toJSONString(headers));
    }

    private static Map<String, String> headersFrom(JSONB json) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            ((Map<?, ?>) new JSONParser().parse(json.data()))
                    .forEach((name, value) -> headers.put((String) name, (String) value));
            return headers;
        } catch (ParseException | ClassCastException e) {
            // The CHECK constraint keeps headers an object; string values are this adapter's own writing.
            throw new IllegalStateException("stored headers are not an object of strings: " + json.data(), e);
        }
    }
}
