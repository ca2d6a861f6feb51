package dev.daap.adapters.postgres.audit;

import dev.daap.adapters.postgres.JsonColumns;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/**
 * An audit snapshot as a JSONB object. A JSON writer turns what it does not know into whatever it guesses (a bean's
 * properties, a string, or a failure far from the cause), so values are checked first and anything that is not
 * JSON-like is refused with its path. Read back, whole numbers are Long and others Double.
 */
final class SnapshotJson {
    /** jsonb prints numbers in full, and the reader takes whole numbers as a long: 2^63 is where that breaks. */
    private static final double MAX_MAGNITUDE = 0x1p63;

    private SnapshotJson() {}

    static JSONB toJsonb(String name, Map<String, Object> snapshot) {
        check(name, snapshot);
        return JsonColumns.toJsonb(snapshot);
    }

    static Map<String, Object> fromJsonb(JSONB json) {
        return JsonColumns.objectMap(json, "an audit snapshot");
    }

    private static void check(String path, Object value) {
        switch (value) {
            case null -> {}
            case String ignored -> {}
            case Boolean ignored -> {}
            case Long ignored -> {}
            case Integer ignored -> {}
            case Short ignored -> {}
            case Byte ignored -> {}
            case Double number -> checkFinite(path, number);
            case Float number -> checkFinite(path, number.doubleValue());
            case Map<?, ?> map ->
                map.forEach((key, nested) -> {
                    if (!(key instanceof String name)) {
                        throw new IllegalArgumentException(path + " has a key that is not a string: " + key);
                    }
                    check(path + "." + name, nested);
                });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(path + "[" + i + "]", list.get(i));
                }
            }
            default ->
                throw new IllegalArgumentException(
                        path + " is a " + value.getClass().getName()
                                + "; audit snapshots hold only strings, numbers, booleans, null, lists and maps");
        }
    }

    private static void checkFinite(String path, double number) {
        if (!Double.isFinite(number) || Math.abs(number) >= MAX_MAGNITUDE) {
            throw new IllegalArgumentException(
                    path + " is " + number + "; audit snapshot numbers must be finite and below 2^63 in magnitude");
        }
    }
}
