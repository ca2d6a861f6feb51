package dev.daap.adapters.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.daap.adapters.http.protocol.JsonCodec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's contract: {@code openapi.yaml} beside this class, written by hand and kept in step with the routes by
 * the tests, served as JSON. It needs no token: a client reads it before it has one.
 */
public final class OpenApiDocument {
    /** Where the document lives on the classpath; tests and the client generator read it from there too. */
    public static final String RESOURCE = "/dev/daap/adapters/http/openapi/openapi.yaml";

    public void serve(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(JsonCodec.JSON).result(Json.BYTES);
    }

    /** The document as a tree, read from the classpath. */
    public static JsonNode read() {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Converted on the first request rather than at start-up, which it would slow down for nobody's benefit. */
    private static final class Json {
        static final byte[] BYTES = toJson(read());

        private static byte[] toJson(JsonNode document) {
            try {
                return new ObjectMapper().writeValueAsBytes(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the OpenAPI document as JSON", e);
            }
        }
    }
}
