package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.openapi.OpenApiDocument;
import dev.daap.testing.contract.OpenApiContract;
import dev.daap.testing.http.TestResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document and the router describe the same API: a route without an operation in the document, or an operation
 * without a route, fails here. The routes come from the running server's own router, as in NulCharacterApiTest; a
 * HEAD route is covered by the GET of its path (the document says every GET answers HEAD). The reference page's,
 * the console's and {@code /} (which leads to the console) serve HTML and scripts for people and are left out on purpose.
 */
class OpenApiRoutesTest extends ApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyRouteHasAnOperationInTheDocumentAndEveryOperationARoute() {
        Set<String> routes = new TreeSet<>();
        for (String route : api.server.routes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (!OpenApiContract.isReferencePage(path)) {
                routes.add(route.startsWith("HEAD ") ? "GET " + path : route);
            }
        }
        Set<String> operations = operations(api.as(null).get(Routes.OPENAPI).json());

        assertThat(without(routes, operations))
                .as("routes without an operation in %s: add them to the document", OpenApiDocument.RESOURCE)
                .isEmpty();
        assertThat(without(operations, routes))
                .as("operations in %s without a route: remove them, or add the route", OpenApiDocument.RESOURCE)
                .isEmpty();
        assertThat(operations).as("the document was read").contains("POST /v1/databases", "GET /health/ready");
    }

    @Test
    void headRoutesAreThoseOfPathsThatHaveAGet() {
        Set<String> routes = Set.copyOf(api.server.routes());
        assertThat(routes.stream().filter(route -> route.startsWith("HEAD ")))
                .as("a HEAD route is covered by the GET of its path, so that GET must exist")
                .allSatisfy(head -> assertThat(routes).contains("GET " + head.substring("HEAD ".length())));
    }

    @Test
    void theDocumentIsServedAsJsonWithoutATokenAndIsValidOpenApi31() {
        TestResponse served = api.as(null).get(Routes.OPENAPI);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(served.json()).isEqualTo(OpenApiDocument.read());
        assertThat(served.json().path("openapi").asText()).isEqualTo("3.1.0");
        var options = new ParseOptions();
        options.setResolve(true);
        var parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(parsed.getMessages())
                .as("what the OpenAPI parser finds wrong")
                .isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(api.as("daap_nosuchkey_0123456789abcdefghijklmnop")
                        .get(Routes.OPENAPI)
                        .status())
                .as("a wrong token does not matter here either")
                .isEqualTo(200);
    }

    @Test
    void everyOtherV1RouteStillNeedsAToken() {
        assertProblem(api.as(null).get(Routes.DATABASES), 401, "unauthenticated");
        assertProblem(api.as(null).get(Routes.OPENAPI + "x"), 401, "unauthenticated");
    }

    private static Set<String> without(Set<String> all, Set<String> these) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(these);
        return rest;
    }

    /** Every operation as {@code METHOD path}, e.g. {@code GET /v1/databases/{id}}. */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(member -> {
                    if (METHODS.contains(member.getKey())) {
                        operations.add(member.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }
}
