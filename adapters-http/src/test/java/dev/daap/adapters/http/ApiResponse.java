package dev.daap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/**
 * What the server answered, with the body parsed as JSON by a plain mapper (not the server's). Every response is
 * checked against the OpenAPI document on its way in, so a test fails on one that breaks the contract.
 */
record ApiResponse(int status, java.net.http.HttpHeaders headers, String body) {
    private static final ObjectMapper READER = new ObjectMapper();

    static ApiResponse of(HttpResponse<String> response) {
        OpenApiContract.check(response);
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    JsonNode json() {
        try {
            return READER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String contentType() {
        return header("Content-Type");
    }
}
