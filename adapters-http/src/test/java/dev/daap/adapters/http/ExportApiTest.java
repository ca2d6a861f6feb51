package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists as exports: every matching row, in CSV or NDJSON, to whoever may list them. */
class ExportApiTest extends ApiTest {
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";

    @Test
    void ndjsonHasEveryMatchingRowNotOnePageAsTheJsonListShowsThem() throws Exception {
        for (int i = 0; i < 60; i++) {
            api.create("db-" + i, i % 2 == 0 ? "payments" : "search", "Row " + i, null);
        }

        TestResponse export = api.get("/v1/databases?owner_team=payments&sort=name", "Accept", NDJSON);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith(NDJSON);
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"databases.ndjson\"");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(30);
        var mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.getFirst());
        JsonNode listed = api.get("/v1/databases?owner_team=payments&sort=name&page_size=1")
                .json()
                .path("items")
                .get(0);
        assertThat(first).isEqualTo(listed);
        assertThat(export.body()).endsWith("\n");
    }

    @Test
    void csvQuotesWhatRfc4180SaysAndWritesObjectsAsJson() {
        api.create("quoted", "payments", "Orders, \\\"refunds\\\"\\nand more", "{\"env\": \"prod\"}");

        TestResponse export = api.get("/v1/databases", "Accept", CSV + ", application/json;q=0.5");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        String[] lines = export.body().split("\r\n", -1);
        assertThat(lines[0])
                .isEqualTo("id,name,owner_team,purpose,status,connection,labels,created_at,updated_at,version,"
                        + "latest_operation_id,failure_reason,cluster,storage_bytes,deletion_protection,deleted_at,"
                        + "restorable_until,plan");
        assertThat(export.body()).contains(",quoted,payments,\"Orders, \"\"refunds\"\"\nand more\",pending,,");
        assertThat(export.body()).contains(",\"{\"\"env\"\":\"\"prod\"\"}\",");
        assertThat(lines[lines.length - 1]).isEmpty(); // every line ends with CRLF
        assertThat(lines).hasSize(3);
    }

    @Test
    void anExportShowsWhatTheListWouldAndNoMore() {
        api.create("theirs", "search", "Not yours", null);
        api.create("mine", "payments", "Yours", null);
        String payments = api.issueKey("payments", Role.VIEWER);

        assertThat(names(api.as(payments).get("/v1/databases", "Accept", NDJSON)))
                .containsExactly("mine");
        assertThat(names(api.as(payments).get("/v1/databases?owner_team=search", "Accept", NDJSON)))
                .isEmpty();
        assertProblem(api.as(null).get("/v1/databases", "Accept", CSV), 401, "unauthenticated");
    }

    @Test
    void pagingDoesNotApplyToAnExport() {
        JsonNode problem =
                assertProblem(api.get("/v1/databases?page_size=10&page_token=x", "Accept", CSV), 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("page_size", "page_token");
    }

    @Test
    void jsonStaysTheDefault() {
        api.create("only");
        assertThat(api.get("/v1/databases", "Accept", "*/*").contentType()).startsWith("application/json");
        assertThat(api.get("/v1/databases", "Accept", "application/json, text/csv")
                        .contentType())
                .startsWith("application/json");
    }

    @Test
    void theAuditLogExportsEveryMatchingEntryToTeamAdminsOnly() throws Exception {
        for (int i = 0; i < 520; i++) {
            api.create("db-" + i, i % 2 == 0 ? "payments" : "search", "Row " + i, null);
        }
        String admin = api.issueKey("payments", Role.ADMIN);

        TestResponse export = api.as(admin).get("/v1/audit-events?action=database.create", "Accept", NDJSON);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"audit-events.ndjson\"");
        List<JsonNode> entries = new ArrayList<>();
        for (String line : export.body().lines().toList()) {
            entries.add(new ObjectMapper().readTree(line));
        }
        assertThat(entries)
                .hasSize(260)
                .allSatisfy(entry -> assertThat(entry.path("team").asText()).isEqualTo("payments"));
        assertThat(entries.getFirst().path("after").path("name").asText()).isEqualTo("db-518");
        TestResponse csv = api.get("/v1/audit-events?action=database.create", "Accept", CSV);
        assertThat(csv.body().split("\r\n")).hasSize(521);
        assertThat(csv.body())
                .startsWith("id,occurred_at,actor,action,resource_type,resource_id,team,request_id,"
                        + "client_address,before,after\r\n");
        String viewer = api.issueKey("payments", Role.VIEWER);
        assertProblem(api.as(viewer).get("/v1/audit-events", "Accept", CSV), 403, "forbidden");
        assertProblem(api.get("/v1/audit-events?page_size=5", "Accept", CSV), 422, "invalid-input");
    }

    private static List<String> names(TestResponse export) {
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        export.body().lines().forEach(line -> {
            try {
                names.add(new ObjectMapper().readTree(line).path("name").asText());
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        });
        return names;
    }
}
