package dev.daap.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OpenAPI document as the judge of every response a test receives over HTTP. The test clients pass each
 * response to {@link #check} (or {@link #checkWithoutBody} for an event stream, whose body never ends), so a
 * response that breaks its documented status, headers, media type or schema fails the test that got it, whatever
 * that test asserts itself. A response to a path or method the document does not have (a 404 for an unknown path, a
 * 405) must still be a problem of the documented shape. HEAD is judged as the GET of its path, without a body. A
 * request that was accepted is judged too ({@link AcceptedRequests}), and statuses and problem types beyond what
 * a schema says ({@link DocumentedOutcomes}).
 *
 * <p>The document is read from the classpath, where adapters-http keeps it, so this depends on no module of DAAP.
 */
public final class OpenApiContract {
    public static final String DOCUMENT = "/dev/daap/adapters/http/openapi/openapi.yaml";
    /** The reference page for people and its files: HTML and scripts, not part of the API the document describes. */
    public static final String REFERENCE_PAGE = "/docs";
    /** The web console and its files, and {@code /}, which leads there: pages for people, like the reference. */
    public static final String CONSOLE = "/console";
    /** What the validator says when the document has no operation for the request. */
    private static final Set<String> NO_OPERATION = Set.of(
            "validation.request.path.missing",
            "validation.response.path.missing",
            "validation.request.operation.notAllowed",
            "validation.response.operation.notAllowed");

    private static final String BODY_MISSING = "validation.response.body.missing";
    private static final int SHOWN_BODY_CHARACTERS = 2_000;

    private final OpenApiInteractionValidator withBodies;
    private final OpenApiInteractionValidator withoutBodies;
    private final SchemaValidator schemas;
    private final Schema<?> problem;
    private final DocumentedOutcomes outcomes;
    private final AcceptedRequests accepted;

    private OpenApiContract(String document) {
        withBodies = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
        withoutBodies = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel(BODY_MISSING, ValidationReport.Level.IGNORE)
                        .build())
                .build();
        var options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api =
                new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        schemas = new SchemaValidator(api, new MessageResolver());
        problem = api.getComponents().getSchemas().get("Problem");
        outcomes = new DocumentedOutcomes(api);
        accepted = new AcceptedRequests(document);
    }

    /** Fails with an {@link AssertionError} unless {@code response} is what the document promises. */
    public static void check(HttpResponse<String> response) {
        Holder.CONTRACT.verify(response.request(), response.statusCode(), response.headers(), response.body());
    }

    /** As {@link #check}, for a response whose body is not read here: its status and headers only. */
    public static void checkWithoutBody(HttpResponse<?> response) {
        Holder.CONTRACT.verify(response.request(), response.statusCode(), response.headers(), null);
    }

    /** {@code body} null: judge the status and headers only; the request, of which only this is known, is not judged. */
    public static void check(String method, URI uri, int status, HttpHeaders headers, String body) {
        Holder.CONTRACT.verify(method, uri, null, status, headers, body);
    }

    /** True for the paths of the pages for people (the reference page, the console), which the document does not describe. */
    public static boolean isReferencePage(String path) {
        return path.equals("/")
                || path.equals(REFERENCE_PAGE)
                || path.startsWith(REFERENCE_PAGE + "/")
                || path.equals(CONSOLE)
                || path.startsWith(CONSOLE + "/");
    }

    private void verify(HttpRequest request, int status, HttpHeaders headers, String body) {
        verify(request.method(), request.uri(), request.headers(), status, headers, body);
    }

    /** {@code requestHeaders} null: the request is not known well enough to judge it. */
    private void verify(
            String method, URI uri, HttpHeaders requestHeaders, int status, HttpHeaders headers, String body) {
        if (isReferencePage(uri.getRawPath())) {
            return;
        }
        boolean head = method.equalsIgnoreCase("HEAD");
        String documented = head ? "GET" : method.toUpperCase(Locale.ROOT);
        // An NDJSON export that matches nothing is an empty body, which the validator would call missing.
        boolean emptyExport = body != null
                && body.isEmpty()
                && headers.firstValue("Content-Type").orElse("").startsWith("application/x-ndjson");
        boolean withBody = !head && body != null && !emptyExport;
        var response = SimpleResponse.Builder.status(status);
        headers.map().forEach(response::withHeader);
        if (withBody && !body.isEmpty()) {
            response.withBody(body, StandardCharsets.UTF_8);
        }
        String path = uri.getRawPath();
        ValidationReport report = (withBody ? withBodies : withoutBodies)
                .validateResponse(path, Request.Method.valueOf(documented), response.build());
        boolean documentedRoute =
                report.getMessages().stream().noneMatch(message -> NO_OPERATION.contains(message.getKey()));
        if (!documentedRoute) {
            report = undocumentedRoute(status, headers, withBody ? body : null);
        }
        List<String> errors = errorsOf(report);
        if (documentedRoute && requestHeaders != null && status < 400) {
            errors.addAll(accepted.check(
                    documented, uri, requestHeaders, outcomes.ignoresUnknownQueryParameters(documented, path)));
        }
        outcomes.check(documented, path, status, headers, withBody ? body : null)
                .ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new AssertionError(describe(method, path, status, body, errors));
        }
    }

    private static List<String> errorsOf(ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                errors.add(message.getKey() + ": " + message.getMessage());
                message.getNestedMessages().forEach(nested -> errors.add("  " + nested.getMessage()));
            }
        }
        return errors;
    }

    /** No operation to judge by: the answer must be a refusal, as a problem document. */
    private ValidationReport undocumentedRoute(int status, HttpHeaders headers, String body) {
        var messages = new MessageResolver();
        if (status < 400) {
            return ValidationReport.singleton(
                    messages.create("contract.undocumented", "a route the document does not have answered " + status));
        }
        if (body == null) {
            return ValidationReport.empty();
        }
        String contentType = headers.firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return ValidationReport.singleton(messages.create(
                    "contract.undocumented", "a refusal must be application/problem+json, not " + contentType));
        }
        return schemas.validate(body, problem, "validation.response.body");
    }

    private static String describe(String method, String path, int status, String body, List<String> errors) {
        var text = new StringBuilder(method + " " + path + " answered " + status + ", which the OpenAPI document "
                + "(adapters-http " + DOCUMENT + ") does not allow:");
        errors.forEach(error -> text.append("\n  - ").append(error));
        if (body != null) {
            text.append("\nbody: ")
                    .append(
                            body.length() > SHOWN_BODY_CHARACTERS
                                    ? body.substring(0, SHOWN_BODY_CHARACTERS) + "…"
                                    : body);
        }
        return text.toString();
    }

    /** Reads the document once per test JVM, on first use. */
    private static final class Holder {
        static final OpenApiContract CONTRACT = new OpenApiContract(document());

        private static String document() {
            try (InputStream in = OpenApiContract.class.getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException(DOCUMENT + " is not on the classpath (adapters-http has it)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
