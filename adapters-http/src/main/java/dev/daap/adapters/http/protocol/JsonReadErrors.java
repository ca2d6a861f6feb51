package dev.daap.adapters.http.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.domain.error.FieldError;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson's read failures into 400 problems in our words. Jackson's messages quote Java types and source
 * snippets, so they go to no client; the JSON path of the offending field does.
 */
final class JsonReadErrors {
    private JsonReadErrors() {}

    static HttpProblemException toProblem(JacksonException e) {
        if (e instanceof StreamReadException syntax) {
            String duplicate = duplicateField(syntax.getOriginalMessage());
            return duplicate == null
                    ? HttpProblemException.malformed("the request body is not valid JSON" + where(syntax.getLocation()))
                    : HttpProblemException.malformed(
                            "the request body has the field " + duplicate + " twice",
                            List.of(new FieldError(duplicate, "must occur only once")));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return HttpProblemException.malformed(
                    "the request body has a field this API does not know: " + field,
                    List.of(new FieldError(field, "is not a known field")));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch);
        }
        return HttpProblemException.malformed("the request body does not have the expected shape");
    }

    private static HttpProblemException mismatch(MismatchedInputException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return e.getOriginalMessage().startsWith("Trailing token")
                    ? HttpProblemException.malformed("the request body must hold exactly one JSON value")
                    : HttpProblemException.malformed("the request body must be a JSON object");
        }
        String message = expectation(e.getTargetType());
        return HttpProblemException.malformed(
                "the field " + field + " " + message, List.of(new FieldError(field, message)));
    }

    private static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return target == boolean.class ? "must be true or false" : "must be a number";
        }
        return target == Boolean.class ? "must be true or false" : "has the wrong type";
    }

    /** The JSON path of the failure as a client names it: {@code labels.env}, {@code items[2]}. */
    static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson reports a repeated key as {@code Duplicate field 'name'}; a repeated key is ambiguous input. */
    private static String duplicateField(String message) {
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        int end = message.indexOf('\'', "Duplicate field '".length());
        return end < 0 ? null : message.substring("Duplicate field '".length(), end);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
