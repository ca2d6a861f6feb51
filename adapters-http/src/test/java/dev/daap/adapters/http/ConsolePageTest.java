package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.http.console.ConsolePage;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's files over HTTP: served without a token, each with its content type and the strict policy, no
 * inline script or style anywhere, nothing from elsewhere, revalidated by ETag, and small. What the page does is
 * ConsoleBrowserTest's (bootstrap), in a real browser.
 */
class ConsolePageTest extends ApiTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8");

    @Test
    void theRootLeadsToTheConsole() {
        TestResponse root = api.as(null).get("/");

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).isEqualTo("/console");
    }

    @Test
    void thePageAnswersWithoutATokenUnderAStrictPolicy() {
        TestResponse page = api.as(null).get(ConsolePage.PATH);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo(ConsolePage.CONTENT_SECURITY_POLICY)
                .contains(
                        "default-src 'self'",
                        "script-src 'self';",
                        "style-src 'self';",
                        "connect-src 'self';",
                        "frame-ancestors 'none'",
                        "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body())
                .as("no inline script")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .as("no inline style")
                .doesNotContain("<style", " style=")
                .as("no handler in markup")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void everyFileIsServedFromDaapWithItsContentTypeAndTheModulesFindEachOther() {
        List<String> references = references(api.as(null).get(ConsolePage.PATH).body(), REFERENCE);
        assertThat(references).contains("/console/style.css", "/console/app.js");
        assertThat(references)
                .as("everything from DAAP itself, nothing from a CDN")
                .allMatch(url -> url.startsWith("/console/") || url.startsWith("#") || url.equals("data:,"));

        int total = api.as(null).get(ConsolePage.PATH).body().length();
        for (String name : ConsolePage.FILES) {
            if (name.equals("index.html")) {
                continue;
            }
            TestResponse file = api.as(null).get(ConsolePage.PATH + "/" + name);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.contentType()).as(name).isEqualTo(TYPES.get(extension));
            assertThat(file.header("Content-Security-Policy")).as(name).isEqualTo(ConsolePage.CONTENT_SECURITY_POLICY);
            assertThat(file.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
            assertThat(file.body()).as(name).isNotEmpty().doesNotContain("innerHTML", "eval(", "localStorage.");
            for (String imported : references(file.body(), IMPORT)) {
                assertThat(ConsolePage.FILES).as(name + " imports " + imported).contains(imported);
            }
            total += file.body().length();
        }
        assertThat(total).as("the first load, every file uncompressed").isLessThan(200 * 1024);
    }

    @Test
    void headAnswersWithTheFilesHeaders() {
        TestResponse head = api.as(null).send("HEAD", ConsolePage.PATH, null, null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Security-Policy")).isEqualTo(ConsolePage.CONTENT_SECURITY_POLICY);
        assertThat(head.header("ETag"))
                .isEqualTo(api.as(null).get(ConsolePage.PATH).header("ETag"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        TestResponse first = api.as(null).get("/console/app.js");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        TestResponse again = api.as(null).get("/console/app.js", "If-None-Match", etag);

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(api.as(null)
                        .get("/console/app.js", "If-None-Match", "\"other\"")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aFileThatIsNotPartOfThePageIsNotFound() {
        assertProblem(api.as(null).get("/console/secret.js"), 404, "not-found");
        assertProblem(api.as(null).get("/console/index.html"), 404, "not-found");
        assertProblem(api.as(null).get("/console/../v1/databases"), 404, "not-found");
    }

    private static List<String> references(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
