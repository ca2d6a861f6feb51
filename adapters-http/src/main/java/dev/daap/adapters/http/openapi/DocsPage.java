package dev.daap.adapters.http.openapi;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The reference page for people at {@code /docs}: Swagger UI from its WebJar, showing {@code /v1/openapi.json}. It
 * loads nothing from elsewhere: the policy allows scripts, styles and requests from DAAP itself only, and no inline
 * script (the page's own start-up code is {@code docs.js}).
 */
public final class DocsPage {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Every file the page loads, by the name it has under {@code /docs/}. */
    public static final Map<String, String> ASSETS = Map.of(
            "docs.js", "text/javascript;charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript;charset=utf-8",
            "swagger-ui.css", "text/css;charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String OWN = "/dev/daap/adapters/http/openapi/";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private final String swaggerUiVersion = swaggerUiVersion();

    public void page(Context ctx) {
        send(ctx, OWN + "docs.html", "text/html;charset=utf-8");
    }

    /** The asset named by the route's last segment; see {@link #ASSETS}. */
    public void asset(Context ctx) {
        String name = ctx.path().substring(ctx.path().lastIndexOf('/') + 1);
        String contentType = ASSETS.get(name);
        if (contentType == null) {
            throw new NotFoundResponse();
        }
        send(ctx, (name.equals("docs.js") ? OWN : WEBJAR + swaggerUiVersion + "/") + name, contentType);
    }

    private static void send(Context ctx, String resource, String contentType) {
        InputStream content = DocsPage.class.getResourceAsStream(resource);
        if (content == null) {
            throw new IllegalStateException(resource + " is missing from the classpath");
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(contentType).result(content);
    }

    /** The WebJar's files sit under its version; its Maven metadata says which, so an upgrade needs no change here. */
    private static String swaggerUiVersion() {
        String metadata = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (InputStream in = DocsPage.class.getResourceAsStream(metadata)) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI WebJar is missing from the classpath");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata, e);
        }
    }
}
