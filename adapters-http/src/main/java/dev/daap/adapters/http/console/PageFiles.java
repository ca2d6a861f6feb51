package dev.daap.adapters.http.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fixed set of static files from the classpath, read once at start (a missing one fails the start, not a
 * request), each served with its content type, a strong {@code ETag} of its content and the page's security
 * headers. {@code Cache-Control: no-cache} lets a browser keep a file but ask again each time, so an upgraded
 * DAAP is never run against stale scripts; an unchanged file costs a 304 without a body.
 */
final class PageFiles {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final Map<String, File> files = new LinkedHashMap<>();
    private final String contentSecurityPolicy;

    /**
     * @param folder the classpath folder, ending in {@code /}
     * @param names the files of {@code folder} that may be served; nothing else is
     */
    PageFiles(String folder, Set<String> names, String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        for (String name : names) {
            files.put(name, read(folder + name, name));
        }
    }

    /** The names of the files served, in no particular order. */
    Set<String> names() {
        return files.keySet();
    }

    /** Sends the file; the caller knows it is one of {@link #names()}. */
    void send(Context ctx, String name) {
        File file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException(name + " is not one of the page's files");
        }
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(file.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(file.contentType()).result(file.content());
    }

    private static File read(String resource, String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String contentType = CONTENT_TYPES.get(extension);
        if (contentType == null) {
            throw new IllegalArgumentException("no content type known for " + name);
        }
        try (InputStream in = PageFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            byte[] content = in.readAllBytes();
            return new File(content, contentType, "\"" + sha256(content) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record File(byte[] content, String contentType, String etag) {}
}
