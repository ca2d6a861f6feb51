package dev.daap.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit snapshots as the PostgreSQL log stores and reads them: anything but JSON-like values is refused with its
 * path, and what is kept comes back as JSON would give it: whole numbers as Long, other numbers as Double.
 */
final class SnapshotValues {
    private static final double MAX_MAGNITUDE = 0x1p63;

    private SnapshotValues() {}

    static Map<String, Object> copy(String path, Map<String, Object> snapshot) {
        return copyMap(path, snapshot);
    }

    private static Object copyValue(String path, Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case Double number -> finite(path, number);
            case Float number -> finite(path, number.doubleValue());
            case Map<?, ?> map -> copyMap(path, map);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    copy.add(copyValue(path + "[" + i + "]", list.get(i)));
                }
                yield copy;
            }
            default ->
                throw new IllegalArgumentException(
                        path + " is a " + value.getClass().getName()
                                + "; audit snapshots hold only strings, numbers, booleans, null, lists and maps");
        };
    }

    private static Map<String, Object> copyMap(String path, Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, nested) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException(path + " has a key that is not a string: " + key);
            }
            copy.put(name, copyValue(path + "." + name, nested));
        });
        return copy;
    }

    private static double finite(String path, double number) {
        if (!Double.isFinite(number) || Math.abs(number) >= MAX_MAGNITUDE) {
            throw new IllegalArgumentException(
                    path + " is " + number + "; audit snapshot numbers must be finite and below 2^63 in magnitude");
        }
        return number;
    }
}
