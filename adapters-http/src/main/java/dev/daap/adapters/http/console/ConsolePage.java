package dev.daap.adapters.http.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.util.Set;

/**
 * The web console for people at {@code /console}: a page of plain JavaScript modules that is a client of the public
 * API and nothing else (it signs in with an API key and calls {@code /v1} like any client). Its files need no token:
 * they hold no data. The policy lets the page load and call DAAP itself only, with no inline script or style, so a
 * value shown on the page can never run as code.
 */
public final class ConsolePage {
    public static final String PATH = "/console";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";
    /** Every file of the page; {@code index.html} is served at {@link #PATH} itself, the others under it. */
    public static final Set<String> FILES = Set.of(
            "index.html",
            "style.css",
            "app.js",
            "api.js",
            "dom.js",
            "databases.js",
            "database.js",
            "admin.js",
            "costs.js");

    private static final String FOLDER = "/dev/daap/adapters/http/console/";
    private final PageFiles files = new PageFiles(FOLDER, FILES, CONTENT_SECURITY_POLICY);

    /**
     * {@code /} leads to the console, so a person who opens DAAP's address finds it. HEAD is routed too: Javalin
     * would otherwise answer it with 200 and none of the file's headers (Jetty drops the body of a HEAD response).
     */
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect(PATH, HttpStatus.FOUND));
        for (String name : files.names()) {
            String path = name.equals("index.html") ? PATH : PATH + "/" + name;
            routes.get(path, ctx -> files.send(ctx, name));
            routes.head(path, ctx -> files.send(ctx, name));
        }
    }
}
