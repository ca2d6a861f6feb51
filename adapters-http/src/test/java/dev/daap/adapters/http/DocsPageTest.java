package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.http.openapi.DocsPage;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reference page answers without a token, loads only its own files, and each of them answers too. */
class DocsPageTest extends ApiTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void thePageAnswersWithoutATokenAndAllowsOnlyItsOwnScriptsAndStyles() {
        TestResponse page = api.as(null).get("/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo(DocsPage.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "style-src 'self';", "connect-src 'self';")
                .doesNotContain("unsafe-inline", "http:", "https:");
        assertThat(page.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    }

    @Test
    void everyFileThePageLoadsIsServedFromDaapWithItsContentType() {
        String html = api.as(null).get("/docs").body();
        List<String> references = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(html);
        while (reference.find()) {
            references.add(reference.group(1));
        }

        assertThat(references)
                .as("everything from DAAP itself, nothing from a CDN")
                .allMatch(url -> url.startsWith("/docs/"));
        assertThat(references).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/docs.js");
        for (String url : references) {
            TestResponse asset = api.as(null).get(url);
            String name = url.substring("/docs/".length());
            assertThat(asset.status()).as(url).isEqualTo(200);
            assertThat(asset.contentType()).as(url).isEqualTo(DocsPage.ASSETS.get(name));
            assertThat(asset.body()).as(url).isNotEmpty();
            assertThat(asset.header("X-Content-Type-Options")).as(url).isEqualTo("nosniff");
        }
    }

    @Test
    void thePageShowsTheDocumentDaapServes() {
        TestResponse start = api.as(null).get("/docs/docs.js");

        assertThat(start.body()).contains("url: \"/v1/openapi.json\"", "validatorUrl: null");
        assertThat(api.as(null).get("/docs/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");
    }

    @Test
    void aFileThatIsNotPartOfThePageIsNotFound() {
        assertProblem(api.as(null).get("/docs/index.html"), 404, "not-found");
        assertProblem(api.as(null).get("/docs/../v1/databases"), 404, "not-found");
    }
}
