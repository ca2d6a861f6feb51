package dev.daap.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the document says each operation answers, beyond what a schema can say: a status must be listed for the
 * operation itself unless it is one that every route shares (what each operation's {@code default} stands for), and
 * a problem's {@code type} must be among the examples of its response. So a route that starts answering a new status
 * or problem type fails until the document says so.
 */
final class DocumentedOutcomes {
    /** The statuses any route may answer (see ProblemDefault in the document): its own statuses are listed. */
    static final Set<Integer> SHARED_STATUSES = Set.of(400, 405, 408, 414, 422, 431, 500, 503);

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper READER = new ObjectMapper();
    private final OpenAPI api;
    private final List<Template> templates = new ArrayList<>();

    private record Template(Pattern pattern, String path, PathItem item) {}

    DocumentedOutcomes(OpenAPI api) {
        this.api = api;
        api.getPaths().forEach((path, item) -> templates.add(new Template(patternOf(path), path, item)));
    }

    /** Empty when the document allows {@code status}, and the problem's type if {@code body} is one (null: unread). */
    Optional<String> check(String method, String path, int status, HttpHeaders headers, String body) {
        String problemType = problemType(headers, body);
        Operation operation = operation(method, path).orElse(null);
        if (operation == null) {
            return Optional.empty(); // no operation: judged as an undocumented route elsewhere
        }
        String name = method + " " + templateOf(path).orElseThrow().path();
        ApiResponse response = resolve(operation.getResponses().get(String.valueOf(status)));
        if (response == null) {
            // A range such as 2XX (OpenAPI 3.1 allows them) stands for every status of its class.
            response = resolve(operation.getResponses().get(status / 100 + "XX"));
        }
        if (response == null) {
            if (!SHARED_STATUSES.contains(status)) {
                return Optional.of("status " + status + " is not listed for " + name + " (its default stands for "
                        + new TreeSet<>(SHARED_STATUSES) + " only)");
            }
            response = resolve(operation.getResponses().getDefault());
        }
        Set<String> types = problemTypes(response);
        if (problemType != null && !types.isEmpty() && !types.contains(problemType)) {
            return Optional.of("problem type " + problemType + " is not among the examples of " + status + " for "
                    + name + ": " + types);
        }
        return Optional.empty();
    }

    /**
     * True when the operation says it ignores query parameters it does not know ({@code x-unknown-query-parameters:
     * ignored}); every other operation refuses them, so a request it accepted names only documented ones.
     */
    boolean ignoresUnknownQueryParameters(String method, String path) {
        return operation(method, path)
                .map(Operation::getExtensions)
                .map(extensions -> "ignored".equals(extensions.get("x-unknown-query-parameters")))
                .orElse(false);
    }

    private Optional<Operation> operation(String method, String path) {
        return templateOf(path)
                .map(template -> template.item().readOperationsMap().get(PathItem.HttpMethod.valueOf(method)));
    }

    private Optional<Template> templateOf(String path) {
        return templates.stream()
                .filter(template -> template.pattern().matcher(path).matches())
                .findFirst();
    }

    /** The {@code type} of every problem example of a response. */
    private Set<String> problemTypes(ApiResponse response) {
        Set<String> types = new TreeSet<>();
        MediaType problem = response == null || response.getContent() == null
                ? null
                : response.getContent().get(PROBLEM);
        if (problem != null && problem.getExamples() != null) {
            for (Example example : problem.getExamples().values()) {
                switch (resolve(example).getValue()) {
                    case JsonNode value
                    when value.hasNonNull("type") -> types.add(value.get("type").asText());
                    case Map<?, ?> value
                    when value.get("type") != null ->
                        types.add(value.get("type").toString());
                    case null, default -> {}
                }
            }
        }
        return types;
    }

    /** The {@code type} of a problem body; null for any other answer. */
    private static String problemType(HttpHeaders headers, String body) {
        if (body == null || !headers.firstValue("Content-Type").orElse("").startsWith(PROBLEM)) {
            return null;
        }
        try {
            return READER.readTree(body).path("type").asText(null);
        } catch (IOException e) {
            return null; // not JSON: the schema check says so
        }
    }

    private ApiResponse resolve(ApiResponse response) {
        return response == null || response.get$ref() == null
                ? response
                : api.getComponents().getResponses().get(simpleName(response.get$ref()));
    }

    private Example resolve(Example example) {
        return example.get$ref() == null
                ? example
                : api.getComponents().getExamples().get(simpleName(example.get$ref()));
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Pattern patternOf(String template) {
        return Pattern.compile(template.replaceAll("\\{[^}/]+}", "[^/]+").replace(".", "\\."));
    }
}
