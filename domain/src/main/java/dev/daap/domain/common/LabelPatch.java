package dev.daap.domain.common;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A change to a database's labels in the terms of a JSON merge patch (RFC 7396): keys given a value are set, keys
 * given null are removed, every other key stays; or, for {@code labels: null}, no labels at all. Applied by
 * {@link Labels#merge} to the labels the change finds.
 *
 * @param set     the keys to set and their values, checked as labels are
 * @param removed the keys to remove; a key that is not there is no error
 */
public record LabelPatch(boolean removesAll, Labels set, Set<String> removed) {
    /** {@code labels: null}: remove every label. */
    public static final LabelPatch REMOVE_ALL = new LabelPatch(true, Labels.NONE, Set.of());

    public LabelPatch {
        Objects.requireNonNull(set, "set");
        removed = Set.copyOf(removed);
        if (removesAll && (!set.values().isEmpty() || !removed.isEmpty())) {
            throw new IllegalArgumentException("a patch that removes every label sets and removes nothing else");
        }
    }

    /**
     * The patch of a JSON object: a null value removes its key. Throws {@link IllegalArgumentException} for a key or
     * value that labels refuse, in the words of {@link Labels}.
     */
    public static LabelPatch of(Map<String, String> changes) {
        if (changes == null) {
            throw new IllegalArgumentException("must be an object of string or null values");
        }
        Map<String, String> set = new TreeMap<>(); // in key order, so the first bad key reported is the smallest
        Set<String> removed = new HashSet<>();
        changes.forEach((key, value) -> {
            if (value == null) {
                removed.add(key);
            } else {
                set.put(key, value);
            }
        });
        return new LabelPatch(false, new Labels(set), removed);
    }
}
