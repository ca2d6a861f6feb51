package dev.daap.adapters.http.protocol;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code If-Match} header (RFC 9110 §13.1.1) into the domain's {@link VersionPrecondition}: absent or
 * {@code *} is any version; a list of entity tags is the versions of its strong tags, compared strongly, so a weak
 * tag, or one that is no version's tag, never matches. What the precondition means for a change is the domain's
 * (checked by the use case in the change's own transaction); this class is only the header's syntax.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {}

    /** Parses every {@code If-Match} field line of a request; a broken one is a 400 problem. */
    public static VersionPrecondition parse(List<String> fieldLines) {
        if (fieldLines == null || fieldLines.isEmpty()) {
            return VersionPrecondition.ANY;
        }
        String value = String.join(",", fieldLines).strip();
        if (value.equals("*")) {
            return VersionPrecondition.ANY;
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : strongTagsOf(value)) {
            EntityTags.versionOf(tag).ifPresent(versions::add);
        }
        return VersionPrecondition.oneOf(versions);
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
