package dev.daap.testing;

import dev.daap.domain.database.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's version of PostgreSQL's {@code websearch_to_tsquery} over purpose and label values: words and quoted
 * phrases must all occur (as whole words, case-insensitive), {@code -word} must not, {@code or} separates
 * alternatives. Unlike PostgreSQL it does not stem words or drop stop words, so the contract tests use words that
 * stemming leaves alone. Its rank counts the matches, a purpose match weighing more than a label's, as
 * {@code ts_rank} weighs A above B.
 */
final class TextSearch {
    private static final Pattern TERM = Pattern.compile("(-?)\"([^\"]*)\"|(-?)(\\S+)");
    private final List<List<Term>> alternatives = new ArrayList<>();

    private record Term(List<String> words, boolean negated) {}

    TextSearch(String query) {
        List<Term> current = new ArrayList<>();
        Matcher matcher = TERM.matcher(query.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            boolean phrase = matcher.group(2) != null;
            String text = phrase ? matcher.group(2) : matcher.group(4);
            boolean negated = !(phrase ? matcher.group(1) : matcher.group(3)).isEmpty();
            if (!phrase && !negated && text.equals("or")) {
                alternatives.add(current);
                current = new ArrayList<>();
                continue;
            }
            List<String> words = words(text);
            if (!words.isEmpty()) {
                current.add(new Term(words, negated));
            }
        }
        alternatives.add(current);
    }

    /** 0 when the database does not match; otherwise more for more (and better placed) matches. */
    float rank(Database database) {
        List<String> purpose = words(database.purpose().value());
        List<List<String>> labels = database.labels().values().values().stream()
                .map(TextSearch::words)
                .toList();
        float best = 0;
        for (List<Term> terms : alternatives) {
            if (terms.isEmpty()) {
                continue;
            }
            float rank = 0;
            boolean matches = true;
            for (Term term : terms) {
                int inPurpose = occurrences(purpose, term.words());
                int inLabels = labels.stream()
                        .mapToInt(value -> occurrences(value, term.words()))
                        .sum();
                boolean found = inPurpose + inLabels > 0;
                if (found == term.negated()) {
                    matches = false;
                    break;
                }
                rank += inPurpose * 1.0f + inLabels * 0.4f;
            }
            if (matches) {
                best = Math.max(best, Math.max(rank, Float.MIN_VALUE));
            }
        }
        return best;
    }

    private static int occurrences(List<String> text, List<String> phrase) {
        int count = 0;
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            if (text.subList(i, i + phrase.size()).equals(phrase)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
