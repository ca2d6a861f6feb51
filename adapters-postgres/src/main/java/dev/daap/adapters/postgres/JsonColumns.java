package dev.daap.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/**
 * Reads and writes the JSONB columns that hold a JSON object (labels, headers, event payloads, audit snapshots),
 * through one Jackson mapper built once: readers and writers are thread-safe and cache what they learn about a
 * type, whereas jOOQ's own parser allocated a 16 KB lexer per row (13 % of the JVM's CPU for a 50-row list page,
 * as profiled under bench/run on 2026-11-25 before commit 95c674a).
 *
 * <p>Read back, objects keep the stored key order (LinkedHashMap), whole numbers are Long (a number beyond a
 * long's range is a BigInteger; writers that care refuse those before writing) and other numbers Double.
 */
public final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JavaType OBJECT_MAP =
            MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
    private static final ObjectReader OBJECT_READER = MAPPER.readerFor(OBJECT_MAP);
    private static final ObjectReader OBJECT_LIST_READER =
            MAPPER.readerFor(MAPPER.getTypeFactory().constructCollectionType(List.class, OBJECT_MAP));
    private static final ObjectWriter WRITER = MAPPER.writer();

    private JsonColumns() {}

    /**
     * A stored object whose values are all strings. Jackson would turn a number into its text if asked for a
     * Map of strings; reading plain values and checking them keeps a stray number from passing unnoticed.
     *
     * @param what names the column in the error, such as {@code "labels"}
     */
    public static Map<String, String> stringMap(JSONB json, String what) {
        Map<String, Object> parsed = objectMap(json, what);
        Map<String, String> strings = LinkedHashMap.newLinkedHashMap(parsed.size());
        parsed.forEach((name, value) -> {
            if (!(value instanceof String text)) {
                throw new IllegalStateException(
                        what + " must be a JSON object of strings, but the database holds: " + json.data());
            }
            strings.put(name, text);
        });
        return strings;
    }

    /**
     * A stored object, its values as JSON reads them: String, Long, Double, Boolean, null, List and Map.
     *
     * @param what names the column in the error, such as {@code "an event payload"}
     */
    public static Map<String, Object> objectMap(JSONB json, String what) {
        Map<String, Object> parsed;
        try {
            parsed = OBJECT_READER.readValue(json.data());
        } catch (JsonProcessingException e) {
            // CHECK constraints keep these columns objects; anything else was written behind this adapter's back.
            throw new IllegalStateException(what + " must be a JSON object, but the database holds: " + json.data(), e);
        }
        if (parsed == null) {
            throw new IllegalStateException(what + " must be a JSON object, but the database holds: " + json.data());
        }
        return parsed;
    }

    /**
     * {@code values} as a JSONB object. Callers hand over JSON-like values only (strings, numbers, booleans, null,
     * lists and maps); a value Jackson cannot write is a bug here, not bad input, so it fails loudly.
     */
    public static JSONB toJsonb(Map<String, ?> values) {
        try {
            return JSONB.valueOf(WRITER.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A stored array of objects (a revision's changes), each as {@link #objectMap} reads it.
     *
     * @param what names the column in the error
     */
    public static List<Map<String, Object>> objectList(JSONB json, String what) {
        List<Map<String, Object>> parsed;
        try {
            parsed = OBJECT_LIST_READER.readValue(json.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    what + " must be a JSON array of objects, but the database holds: " + json.data(), e);
        }
        if (parsed == null) {
            throw new IllegalStateException(what + " must be a JSON array, but the database holds: " + json.data());
        }
        return parsed;
    }

    /** {@code values} as a JSONB array; JSON-like values only, as for {@link #toJsonb}. */
    public static JSONB toJsonbArray(List<?> values) {
        try {
            return JSONB.valueOf(WRITER.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
