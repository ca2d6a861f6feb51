package dev.daap.domain.database;

import dev.daap.domain.common.Labels;
import java.util.Optional;

/**
 * A filter on labels: {@code env:prod} (the key has this value) or {@code tier} (the key is present, any value).
 * Keys cannot hold a colon, so the first one separates key and value.
 */
public record LabelSelector(String key, Optional<String> value) {
    public LabelSelector {
        value = value == null ? Optional.empty() : value;
        new Labels(java.util.Map.of(key, value.orElse(""))); // the rules of labels, for key and value alike
    }

    /** {@code key} or {@code key:value}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static LabelSelector parse(String raw) {
        int colon = raw.indexOf(':');
        return colon < 0
                ? new LabelSelector(raw, Optional.empty())
                : new LabelSelector(raw.substring(0, colon), Optional.of(raw.substring(colon + 1)));
    }

    public boolean matches(Labels labels) {
        String actual = labels.values().get(key);
        return actual != null && value.map(actual::equals).orElse(true);
    }

    /** As a client writes it. */
    @Override
    public String toString() {
        return value.map(v -> key + ":" + v).orElse(key);
    }
}
