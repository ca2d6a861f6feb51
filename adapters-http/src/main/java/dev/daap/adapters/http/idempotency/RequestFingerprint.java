package dev.daap.adapters.http.idempotency;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: method, path with query, and the body bytes as sent.
 * The raw body is compared, not its meaning, so a client that reorders its JSON fields must use a new key; the
 * length prefixes keep one field from bleeding into the next.
 */
final class RequestFingerprint {
    private RequestFingerprint() {}

    static String of(Context ctx) {
        String query = ctx.queryString();
        String target = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        return of(ctx.req().getMethod(), target, ctx.bodyAsBytes());
    }

    static String of(String method, String target, byte[] body) {
        MessageDigest sha256 = sha256();
        for (byte[] part :
                new byte[][] {method.getBytes(StandardCharsets.UTF_8), target.getBytes(StandardCharsets.UTF_8), body}) {
            sha256.update((part.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(part);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
