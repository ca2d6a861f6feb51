package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A NUL (U+0000) in any text input of any route is a 422 {@code invalid-input} that names the input, and nothing is
 * stored: PostgreSQL refuses NUL in text, so it used to end as a 500. The routes come from the server's own router,
 * their path parameters from their patterns and their query parameters from their own answer to an unknown one;
 * only request bodies are written here, and a route that can take a body but has no entry in {@link #BODIES} fails
 * {@link #everyRouteThatCanTakeABodyHasAnEntryHere}, so a new route's inputs cannot be forgotten.
 */
class NulCharacterApiTest extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_BODY = "";
    /** Snapshot routes answer 404 for it, after their parameters have been checked. */
    private static final String NO_SUCH_SNAPSHOT = "01a21301-0000-7000-8000-000000000000";
    /** What the edge says; the domain's own checks word it differently, so a refusal by them alone fails here. */
    private static final String EDGE_MESSAGE = "must not contain the NUL character (U+0000)";

    private static final String NUL_IN_QUERY = "a%00b";
    private static final String NUL_NAME_SHOWN = "a\\u0000b";
    /** A valid body of every route that is not a GET or HEAD; {@link #NO_BODY} for those that read none. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /v1/databases", """
            {"name": "orders", "owner_team": "payments", "purpose": "Orders", "labels": {"env": "prod"}}"""),
            Map.entry("PATCH /v1/databases/{id}", """
            {"purpose": "Orders", "owner_team": "search", "labels": {"env": "prod", "tier": null}}"""),
            Map.entry("DELETE /v1/databases/{id}", NO_BODY),
            Map.entry("POST /v1/databases/{id}/retry", NO_BODY),
            Map.entry("POST /v1/databases/{id}/restore", "{\"name\": \"orders-two\"}"),
            Map.entry("POST /v1/databases/{id}/move", "{\"placement\": {\"region\": \"eu-west-1\"}}"),
            Map.entry("POST /v1/databases/{id}/snapshots", """
                    {"description": "before the migration"}"""),
            Map.entry("DELETE /v1/databases/{id}/snapshots/{sid}", NO_BODY),
            Map.entry("POST /v1/databases/{id}/backups", NO_BODY),
            Map.entry("DELETE /v1/backups/{bid}", NO_BODY),
            Map.entry("POST /v1/backups/{bid}/verify", NO_BODY),
            Map.entry("POST /v1/databases/{id}/snapshots/{sid}/restore", NO_BODY),
            Map.entry("POST /v1/databases/{id}/credentials/rotate", NO_BODY),
            Map.entry("POST /v1/databases/{id}/credentials/revoke-previous", NO_BODY),
            Map.entry("POST /v1/databases/{id}/users", """
                    {"name": "reporting", "access": "read_only"}"""),
            Map.entry("DELETE /v1/databases/{id}/users/{user}", NO_BODY),
            Map.entry("POST /v1/databases/{id}/users/{user}/credentials/rotate", """
                    {"overlap": "1h"}"""),
            Map.entry("POST /v1/databases/{id}/users/{user}/credentials/revoke-previous", NO_BODY),
            Map.entry("POST /v1/teams", """
            {"slug": "new-team", "display_name": "New team"}"""),
            Map.entry("POST /v1/teams/{slug}/api-keys", """
            {"role": "viewer", "description": "CI", "expires_at": "2030-01-01T00:00:00Z"}"""),
            Map.entry("DELETE /v1/teams/{slug}/api-keys/{id}", NO_BODY),
            Map.entry("POST /v1/api-keys", """
            {"description": "ops", "expires_at": "2030-01-01T00:00:00Z"}"""),
            Map.entry("DELETE /v1/api-keys/{id}", NO_BODY),
            Map.entry("POST /v1/clusters", """
            {"name": "eu-2", "admin_url": "postgres://admin:admin-secret@db.test:5432/postgres", "region": "eu-west-1",
             "labels": {"tier": "gold"}, "connect_host": "pg.example", "connect_sslmode": "require"}"""),
            Map.entry("PATCH /v1/clusters/{name}", """
            {"region": "eu-west-1", "labels": {"env": "prod", "tier": null}, "connect_host": "pg.example"}"""),
            Map.entry("DELETE /v1/clusters/{name}", NO_BODY),
            Map.entry("PATCH /v1/teams/{slug}", """
            {"max_databases": 20, "monthly_budget": {"amount": "500.00", "currency": "EUR"}}"""),
            Map.entry("POST /v1/plans", """
            {"name": "xlarge", "description": "Big", "max_connections": 800, "storage_limit_bytes": 4000000000000,
             "price_per_month": "900.00"}"""),
            Map.entry("PATCH /v1/plans/{name}", """
            {"description": "Small and cheap", "price_per_month": "16.00"}"""),
            Map.entry("DELETE /v1/plans/{name}", NO_BODY));

    private String databaseId;
    private String operationId;
    private String teamKeyId;
    private String platformKeyId;
    private String storedBefore;

    @BeforeEach
    void oneOfEachResource() {
        String path = api.createReady("ledger");
        databaseId = path.substring(path.lastIndexOf('/') + 1);
        operationId = api.get(path).json().path("latest_operation_id").asText();
        teamKeyId = keyIdOf(api.issueKey("payments", Role.VIEWER));
        platformKeyId = keyIdOf(api.issueKey(null, Role.PLATFORM_ADMIN));
        storedBefore = storedState();
    }

    @Test
    void everyRouteThatCanTakeABodyHasAnEntryHere() {
        List<String> missing = api.server.routes().stream()
                .filter(route -> !route.startsWith("GET ") && !route.startsWith("HEAD "))
                .filter(route -> !BODIES.containsKey(route))
                .toList();

        assertThat(missing)
                .as("routes without an example body in NulCharacterApiTest.BODIES (NO_BODY if they read none)")
                .isEmpty();
        assertThat(api.server.routes()).as("no stale entries here").containsAll(BODIES.keySet());
    }

    /**
     * Jetty refuses a NUL in the path itself, as a 400 {@code malformed-request}, before the request is routed (even
     * with every URI compliance violation allowed), so it cannot name the parameter; nothing reaches DAAP. Jetty
     * closes the connection after such a 400, so each goes on a connection of its own.
     */
    @Test
    void aNulInAnyPathParameterIsRefusedBeforeRouting() throws IOException {
        for (String route : api.server.routes()) {
            for (String parameter : pathParameters(route)) {
                String method = route.substring(0, route.indexOf(' '));
                String answer = rawRequest(method + " " + filledIn(route, parameter) + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + TestApi.ADMIN_TOKEN + "\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n");

                String what = route + " with a NUL in {" + parameter + "}: " + answer;
                assertThat(answer).as(what).startsWith("HTTP/1.1 400 ");
                if (!method.equals("HEAD")) {
                    assertThat(answer).as(what).contains("\"type\":\"https://daap.dev/problems/malformed-request\"");
                }
            }
        }
        assertNothingStored();
    }

    @Test
    void aNulInAnyQueryParameterIsRefusedNamingIt() {
        Map<String, List<String>> parameters = new TreeMap<>();
        api.server.routes().forEach(route -> parameters.put(route, knownQueryParameters(route, filledIn(route, null))));
        storedBefore = storedState(); // reading credentials to learn a route's parameters writes an audit entry

        parameters.forEach((route, known) -> {
            String path = filledIn(route, null);
            for (String name : concat(known, "anything")) {
                TestResponse response = send(route, path + "?" + name + "=" + NUL_IN_QUERY, bodyOf(route));

                assertRefused(route + "?" + name, response, route, name);
            }
            assertRefused(
                    route + " with a NUL in a parameter's name",
                    send(route, path + "?" + NUL_IN_QUERY + "=x", bodyOf(route)),
                    route,
                    NUL_NAME_SHOWN);
        });
        assertThat(parameters.values().stream().flatMap(List::stream))
                .as("the list routes' parameters were learnt")
                .contains("owner_team", "q", "action", "resource_type", "type", "page_token");
        assertNothingStored();
    }

    @Test
    void aNulInAnyStringOrKeyOfABodyIsRefusedNamingItsPath() throws IOException {
        for (var entry : BODIES.entrySet()) {
            if (entry.getValue().equals(NO_BODY)) {
                continue;
            }
            String route = entry.getKey();
            Map<String, String> variants = withANulInEachString(entry.getValue());
            assertThat(variants).as(route).isNotEmpty();
            variants.forEach((field, body) -> assertRefused(
                    route + " with a NUL in " + field, send(route, filledIn(route, null), body), route, field));
        }
        assertNothingStored();
    }

    @Test
    void aNulIsFoundHoweverTheJsonSpellsIt() {
        String withMark = "{\"description\": \"o#ps\"}";
        int at = withMark.indexOf('#');
        byte[] overlong = new byte[withMark.length() + 1];
        System.arraycopy(withMark.getBytes(StandardCharsets.US_ASCII), 0, overlong, 0, at);
        overlong[at] = (byte) 0xC0; // U+0000 as two bytes: invalid UTF-8, which Jackson decodes all the same
        overlong[at + 1] = (byte) 0x80;
        System.arraycopy(
                withMark.getBytes(StandardCharsets.US_ASCII), at + 1, overlong, at + 2, withMark.length() - at - 1);

        JsonNode problem = assertProblem(rawPost("/v1/api-keys", overlong), 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("description");
        assertThat(messageOf(problem, "description")).isEqualTo(EDGE_MESSAGE);

        byte[] raw = withMark.replace('#', '\u0000').getBytes(StandardCharsets.UTF_8);
        assertProblem(rawPost("/v1/api-keys", raw), 400, "malformed-request"); // JSON forbids it unescaped
        assertNothingStored();
    }

    @Test
    void noHeaderCanCarryANulAtAll() throws IOException {
        for (String header : List.of("Idempotency-Key", "X-Request-Id", "Last-Event-ID", "If-Match", "Authorization")) {
            String answer = rawRequest("POST /v1/databases HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TestApi.ADMIN_TOKEN + "\r\n"
                    + header + ": a\u0000b\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

            assertThat(answer).as(header).startsWith("HTTP/1.1 400 ");
        }
        assertNothingStored();
    }

    /** The query parameters a route names when asked with one it does not know; none if it ignores unknown ones. */
    private List<String> knownQueryParameters(String route, String path) {
        if (!route.startsWith("GET ")) {
            return List.of(); // HEAD has no body to name them in, and the others take none (nor run twice here)
        }
        TestResponse response = send(route, path + "?no_such_parameter=1", bodyOf(route));
        Matcher known = Pattern.compile("is not a known query parameter; use ([a-z_, ]+)")
                .matcher(response.body());
        return known.find() ? List.of(known.group(1).split(", ")) : List.of();
    }

    private void assertRefused(String what, TestResponse response, String route, String field) {
        assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(422);
        if (route.startsWith("HEAD ")) {
            return; // Jetty drops the body of a HEAD response
        }
        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).as(what).containsExactly(field);
        assertThat(messageOf(problem, field)).as(what).endsWith(EDGE_MESSAGE);
    }

    /** One variant of {@code body} per string value and object key, with a NUL inside it, by the field it names. */
    private static Map<String, String> withANulInEachString(String body) throws IOException {
        Map<String, String> variants = new TreeMap<>();
        JsonNode tree = JSON.readTree(body);
        tree.properties().forEach(member -> {
            String field = member.getKey();
            JsonNode value = member.getValue();
            if (value.isTextual()) {
                variants.put(field, with(tree, field, JSON.getNodeFactory().textNode("a\u0000b")));
            } else if (value.isObject()) {
                value.properties().forEach(inner -> {
                    ObjectNode changed = ((ObjectNode) value).deepCopy();
                    changed.remove(inner.getKey());
                    changed.put(inner.getKey() + "\u0000", inner.getValue().asText());
                    variants.put(field + "." + inner.getKey() + "\\u0000", with(tree, field, changed));
                    if (inner.getValue().isTextual()) {
                        ObjectNode changedValue = ((ObjectNode) value).deepCopy();
                        changedValue.put(inner.getKey(), "a\u0000b");
                        variants.put(field + "." + inner.getKey(), with(tree, field, changedValue));
                    }
                });
            }
        });
        return variants;
    }

    private static String with(JsonNode tree, String field, JsonNode value) {
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        copy.set(field, value);
        return copy.toString(); // Jackson writes the NUL as \u0000
    }

    private static List<String> concat(List<String> names, String more) {
        List<String> all = new ArrayList<>(names);
        all.add(more);
        return all;
    }

    private static List<String> pathParameters(String route) {
        List<String> names = new ArrayList<>();
        Matcher parameter = Pattern.compile("\\{([a-z_]+)}").matcher(route);
        while (parameter.find()) {
            names.add(parameter.group(1));
        }
        return names;
    }

    /** The route's path with real ids filled in, and a NUL in {@code withNul} (null: in none). */
    private String filledIn(String route, String withNul) {
        String pattern = route.substring(route.indexOf(' ') + 1);
        String id = pattern.startsWith("/v1/databases")
                ? databaseId
                : pattern.startsWith("/v1/operations")
                        ? operationId
                        : pattern.startsWith("/v1/teams") ? teamKeyId : platformKeyId;
        String path = pattern.replace("{slug}", "slug".equals(withNul) ? NUL_IN_QUERY : "payments")
                .replace("{name}", "name".equals(withNul) ? NUL_IN_QUERY : "default")
                .replace("{sid}", "sid".equals(withNul) ? NUL_IN_QUERY : NO_SUCH_SNAPSHOT)
                .replace("{bid}", "bid".equals(withNul) ? NUL_IN_QUERY : NO_SUCH_SNAPSHOT)
                .replace("{user}", "user".equals(withNul) ? NUL_IN_QUERY : "owner")
                .replace("{version}", "version".equals(withNul) ? NUL_IN_QUERY : "1");
        return path.replace("{id}", "id".equals(withNul) ? NUL_IN_QUERY : id);
    }

    private static String bodyOf(String route) {
        return Optional.ofNullable(BODIES.get(route))
                .filter(body -> !body.equals(NO_BODY))
                .orElse(null);
    }

    private TestResponse send(String route, String path, String body) {
        String method = route.substring(0, route.indexOf(' '));
        String contentType = body == null ? null : method.equals("PATCH") ? TestClient.MERGE_PATCH : TestClient.JSON;
        return api.send(method, path, contentType, body);
    }

    private TestResponse rawPost(String path, byte[] body) {
        return api.send(api.request(path, "Content-Type", TestClient.JSON)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** What the server answers to bytes the JDK's client would refuse to send. */
    private String rawRequest(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            var answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private String keyIdOf(String token) {
        return api.keys
                .findByPrefix(ApiToken.parse(token).prefix())
                .orElseThrow()
                .id()
                .toString();
    }

    /** Everything a request could have stored: records, teams, keys, audit entries, events, idempotency keys. */
    private String storedState() {
        return String.join(
                "\n",
                api.get("/v1/databases?page_size=500").body(),
                api.get("/v1/teams?page_size=500").body(),
                api.get("/v1/clusters?page_size=500").body(),
                keys("/v1/teams/payments/api-keys"),
                keys("/v1/api-keys"),
                "audit entries: " + api.auditLog.all().size(),
                "events: " + api.events.all().size(),
                "idempotency keys: " + api.idempotency.size());
    }

    private String keys(String path) {
        JsonNode list = api.get(path).json();
        return list.findValuesAsText("id") + " revoked: " + list.findValuesAsText("revoked_at");
    }

    private void assertNothingStored() {
        assertThat(storedState()).isEqualTo(storedBefore);
    }
}
