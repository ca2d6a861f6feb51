package dev.daap.adapters.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text and refuses any statement that binds one, so a NUL
 * that reached a use case would end as a 500. It is refused once, at the edge, as a 422 that names the input: query
 * parameters (names and values) before any route runs ({@link #refuseInParameters}), and every string and object
 * key of a JSON body, at any depth, as {@link JsonCodec} reads it ({@link #refuseInJson}). A path or a header cannot
 * carry one this far: Jetty answers a NUL in either with a 400 before routing. Path parameters are checked here
 * all the same, so that the rule does not rest on Jetty's.
 */
public final class NulCharacters {
    static final String MESSAGE = "must not contain the NUL character (U+0000)";
    private static final char NUL = '\u0000';

    private NulCharacters() {}

    /** Runs before every matched route, after authentication. */
    public static void refuseInParameters(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        ctx.pathParamMap().forEach((name, value) -> checkParameter(name, List.of(value), errors));
        ctx.queryParamMap().forEach((name, values) -> checkParameter(name, values, errors));
        throwIfAny(errors);
    }

    /** Checks every string and key of a parsed body; the field of an error is its JSON path, as Jackson's are. */
    static void refuseInJson(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        check(body, "", errors);
        throwIfAny(errors);
    }

    private static void checkParameter(String name, List<String> values, List<FieldError> errors) {
        if (hasNul(name) || values.stream().anyMatch(NulCharacters::hasNul)) {
            errors.add(new FieldError(visible(name), MESSAGE));
        }
    }

    private static void check(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual() && hasNul(node.textValue())) {
            errors.add(new FieldError(path, MESSAGE));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String memberPath = (path.isEmpty() ? "" : path + ".") + visible(member.getKey());
                if (hasNul(member.getKey())) {
                    errors.add(new FieldError(memberPath, "is a key that " + MESSAGE));
                }
                check(member.getValue(), memberPath, errors);
            }
        }
    }

    private static boolean hasNul(String text) {
        return text.indexOf(NUL) >= 0;
    }

    /** The name as a client can read it back: a NUL in it written as the JSON escape that sent it. */
    private static String visible(String name) {
        return name.replace(String.valueOf(NUL), "\\u0000");
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
