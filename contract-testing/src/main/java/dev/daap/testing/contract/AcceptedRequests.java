package dev.daap.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that DAAP accepted (it answered below 400) must be one the document describes: its query parameters,
 * headers and media type. Otherwise the server takes input that the document does not tell clients about (a new query
 * parameter, say), or the document forbids what the server accepts. Request bodies are not judged here: the test
 * clients do not keep them, and the generated client's end-to-end test covers them.
 */
final class AcceptedRequests {
    private static final String UNEXPECTED_QUERY_PARAMETER = "validation.request.parameter.query.unexpected";
    private final OpenApiInteractionValidator validator;

    AcceptedRequests(String document) {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.missing", ValidationReport.Level.IGNORE)
                        .withLevel(UNEXPECTED_QUERY_PARAMETER, ValidationReport.Level.ERROR)
                        // The validator (3.0.0) takes a parameter for an array only if the parser made an
                        // ArraySchema, which it does for 3.0 documents only: a repeated `type` on /v1/events, an
                        // array in the document, would be refused wrongly.
                        .withLevel("validation.request.parameter.collection.invalid", ValidationReport.Level.IGNORE)
                        // For the same reason it reads a single value of such a parameter (`?type=database.created`)
                        // as JSON, and finds no JSON there.
                        .withLevel("validation.request.parameter.schema.invalidJson", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * What the document finds wrong with an accepted request; empty when it describes it.
     *
     * @param unknownQueryParametersIgnored the operation says it ignores query parameters it does not know
     */
    List<String> check(String method, URI uri, HttpHeaders headers, boolean unknownQueryParametersIgnored) {
        var request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getRawPath());
        headers.map().forEach(request::withHeader);
        queryParameters(uri.getRawQuery()).forEach(request::withQueryParam);
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message message :
                validator.validateRequest(request.build()).getMessages()) {
            boolean ignored = unknownQueryParametersIgnored && message.getKey().equals(UNEXPECTED_QUERY_PARAMETER);
            if (message.getLevel() == ValidationReport.Level.ERROR && !ignored) {
                errors.add("the request was accepted but breaks the document: " + message.getKey() + ": "
                        + message.getMessage());
            }
        }
        return errors;
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
