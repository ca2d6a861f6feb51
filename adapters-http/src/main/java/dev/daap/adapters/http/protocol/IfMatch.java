package dev.daap.adapters.http.protocol;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.domain.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code If-Match} header (RFC 9110 §13.1.1): absent, {@code *}, or a list of entity tags compared
 * strongly, so a weak tag never matches.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";
    private static final IfMatch ABSENT = new IfMatch(false, false, List.of());
    private static final IfMatch ANY = new IfMatch(true, true, List.of());

    private final boolean present;
    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean present, boolean any, List<String> strongTags) {
        this.present = present;
        this.any = any;
        this.strongTags = strongTags;
    }

    /** Parses every {@code If-Match} field line of a request; a broken one is a 400 problem. */
    public static IfMatch parse(List<String> fieldLines) {
        if (fieldLines == null || fieldLines.isEmpty()) {
            return ABSENT;
        }
        String value = String.join(",", fieldLines).strip();
        if (value.equals("*")) {
            return ANY;
        }
        return new IfMatch(true, false, List.copyOf(strongTagsOf(value)));
    }

    /** True when the client sent entity tags, i.e. made its change against a version it had seen. */
    public boolean hasTags() {
        return present && !any;
    }

    /** Whether a resource at {@code version} satisfies the condition; absent and {@code *} match anything. */
    public boolean matches(long version) {
        return !hasTags() || strongTags.contains(EntityTags.of(version));
    }

    /**
     * The strong tags of a list, weak ones dropped; throws a 400 problem unless the list is well formed. Scans
     * rather than splitting on commas, because a comma is a legal character inside an entity tag.
     */
    private static List<String> strongTagsOf(String value) {
        List<String> strong = new ArrayList<>();
        int elements = 0;
        int i = skipSeparators(value, 0);
        while (i < value.length()) {
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            int close = open < value.length() && value.charAt(open) == '"' ? value.indexOf('"', open + 1) : -1;
            if (close < 0 || !isEtagText(value.substring(open + 1, close))) {
                throw broken();
            }
            elements++;
            if (!weak) {
                strong.add(value.substring(open, close + 1));
            }
            i = skipWhitespace(value, close + 1);
            if (i < value.length() && value.charAt(i) != ',') {
                throw broken();
            }
            i = skipSeparators(value, i);
        }
        if (elements == 0) {
            throw broken();
        }
        return strong;
    }

    /** RFC 9110 §5.6.1: empty list elements and white space around commas are allowed and ignored. */
    private static int skipSeparators(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ',' || value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** *etagc: any visible character but DQUOTE, or obs-text. */
    private static boolean isEtagText(String text) {
        return text.chars().allMatch(c -> c == 0x21 || c >= 0x23 && c != 0x7f);
    }

    private static HttpProblemException broken() {
        return HttpProblemException.malformed(
                "the If-Match header must be * or a list of entity tags such as \"3\"",
                List.of(new FieldError(HEADER, "must be * or a list of entity tags such as \"3\"")));
    }
}
