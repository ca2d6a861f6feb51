package dev.daap.domain.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An opaque page token: URL-safe base64 of a few text parts (the keyset position). Clients must not read it;
 * the parts are versioned so that the format can change without breaking tokens in flight by surprise.
 */
public record PageToken(String value) {
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\u001f'; // unit separator: cannot occur in names, sorts or UUIDs
    private static final int MAX_LENGTH = 2048;

    public PageToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
    }

    public static PageToken encode(List<String> parts) {
        var joined = new StringBuilder(VERSION);
        for (String part : parts) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalStateException("page token part contains the separator");
            }
            joined.append(SEPARATOR).append(part);
        }
        return new PageToken(Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A token for a list whose keyset position is one value, marked with the list's {@code kind}. */
    public static PageToken forPosition(String kind, String position) {
        return encode(List.of(kind, position));
    }

    /**
     * The position of a {@link #forPosition} token of this {@code kind}; throws {@link IllegalArgumentException} for a
     * token of another list (named {@code list} in the message) or not of ours.
     */
    public String positionIn(String kind, String list) {
        List<String> parts = decode(2);
        if (!parts.get(0).equals(kind)) {
            throw new IllegalArgumentException("is not a page token of " + list);
        }
        return parts.get(1);
    }

    /** The parts, after checking the version; throws {@link IllegalArgumentException} for anything else. */
    public List<String> decode(int expectedParts) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
        List<String> parts = new ArrayList<>(List.of(text.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != expectedParts + 1 || !parts.removeFirst().equals(VERSION)) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
        return parts;
    }
}
