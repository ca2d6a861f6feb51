package dev.daap.testing.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** What the server answered, with the body read as JSON by a plain mapper (not the server's) when asked. */
public record TestResponse(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper READER = new ObjectMapper();

    public JsonNode json() {
        try {
            return READER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The first value of the header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }
}
