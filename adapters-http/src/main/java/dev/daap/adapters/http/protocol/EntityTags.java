package dev.daap.adapters.http.protocol;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Strong entity tags derived from a resource's version: version 7 is {@code "7"}. */
public final class EntityTags {
    private static final Pattern VERSION_TAG = Pattern.compile("\"[1-9][0-9]{0,17}\"");

    private EntityTags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version whose tag is {@code tag} exactly; empty for any other tag (e.g. {@code "01"} or {@code "x"}). */
    public static OptionalLong versionOf(String tag) {
        if (!VERSION_TAG.matcher(tag).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
    }
}
