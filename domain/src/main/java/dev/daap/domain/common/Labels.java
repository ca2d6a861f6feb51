package dev.daap.domain.common;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Free-form key/value tags, for the owner's own bookkeeping (cost centre, environment, …). */
public record Labels(Map<String, String> values) {
    public static final int MAX_ENTRIES = 64;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern KEY = Pattern.compile("[a-z0-9]([a-z0-9._/-]{0,61}[a-z0-9])?");
    public static final Labels NONE = new Labels(Map.of());

    public Labels {
        if (values == null) {
            throw new IllegalArgumentException("must be an object of string values");
        }
        if (values.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("must have at most " + MAX_ENTRIES + " entries");
        }
        for (var entry : values.entrySet()) {
            if (entry.getKey() == null || !KEY.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("key '" + entry.getKey() + "' must be 1-63 lowercase letters, "
                        + "digits, '.', '_', '/' or '-', starting and ending with a letter or digit");
            }
            String value = entry.getValue();
            if (value == null) {
                throw new IllegalArgumentException("value of '" + entry.getKey() + "' must be a string");
            }
            if (value.length() > MAX_VALUE_LENGTH || value.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("value of '" + entry.getKey() + "' must be at most "
                        + MAX_VALUE_LENGTH + " characters, without NUL");
            }
        }
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * These labels with {@code patch} applied; throws {@link IllegalArgumentException} when the result breaks a
     * rule of labels (more than {@value #MAX_ENTRIES} entries).
     */
    public Labels merge(LabelPatch patch) {
        if (patch.removesAll()) {
            return NONE;
        }
        Map<String, String> merged = new TreeMap<>(values);
        merged.keySet().removeAll(patch.removed());
        merged.putAll(patch.set().values());
        return new Labels(merged);
    }
}
