package dev.daap.adapters.http.protocol;

/** Strong entity tags derived from a resource's version: version 7 is {@code "7"}. */
public final class EntityTags {
    private EntityTags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
