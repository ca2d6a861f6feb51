package dev.daap.adapters.http.protocol;

import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of a list endpoint. An unknown or repeated parameter is an input error, so a typo fails
 * loudly instead of silently listing everything; every mistake is reported at once by {@link #throwIfInvalid}.
 */
public final class QueryParameters {
    private final Map<String, List<String>> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryParameters(Map<String, List<String>> parameters, List<String> known, Set<String> repeatable) {
        this.parameters = parameters;
        Set<String> knownSet = Set.copyOf(known);
        parameters.forEach((name, values) -> {
            if (!knownSet.contains(name)) {
                errors.add(new FieldError(name, "is not a known query parameter; use " + String.join(", ", known)));
            } else if (values.size() > 1 && !repeatable.contains(name)) {
                errors.add(new FieldError(name, "must be given at most once"));
            }
        });
    }

    public static QueryParameters of(Map<String, List<String>> parameters, List<String> known) {
        return new QueryParameters(parameters, known, Set.of());
    }

    /** @param repeatable the parameters that may be given more than once; read them with {@link #all} */
    public static QueryParameters of(Map<String, List<String>> parameters, List<String> known, Set<String> repeatable) {
        return new QueryParameters(parameters, known, repeatable);
    }

    /** Every value of a parameter, in order; empty when absent. */
    public List<String> all(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    public void fail(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** The one value of a parameter; empty when absent or repeated (already reported). */
    public Optional<String> single(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The parsed value; a value the parser refuses with {@link IllegalArgumentException} is reported. */
    public <T> Optional<T> parsed(String name, Function<String, T> parser) {
        Optional<String> raw = single(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return Optional.empty();
        }
    }

    public int pageSize(int defaultSize, int maxSize) {
        return parsed("page_size", raw -> Page.parseSize(raw, maxSize)).orElse(defaultSize);
    }

    /** The position a {@code page_token} continues after, read by {@code position}. */
    public <T> Optional<T> pageToken(Function<PageToken, T> position) {
        return parsed("page_token", raw -> position.apply(new PageToken(raw)));
    }

    /** Adds errors found elsewhere (a command's own checks), to be reported with these. */
    public void report(List<FieldError> more) {
        errors.addAll(more);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
