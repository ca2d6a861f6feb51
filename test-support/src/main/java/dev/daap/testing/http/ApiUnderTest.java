package dev.daap.testing.http;

import java.net.http.HttpRequest;

/**
 * A DAAP that a test started and talks to over HTTP: its requests go through {@link #client()}, which carries the
 * token the test acts with unless a request says {@link #as} another. The methods are the client's, so that a test
 * writes {@code api.get("/v1/teams")}.
 */
public interface ApiUnderTest {
    TestClient client();

    /** The same server, acting with {@code token}; null sends none. */
    default TestClient as(String token) {
        return client().as(token);
    }

    default TestResponse get(String path, String... headers) {
        return client().get(path, headers);
    }

    default TestResponse post(String path, String json, String... headers) {
        return client().post(path, json, headers);
    }

    /** A POST without a body, as actions such as retry and rotate take. */
    default TestResponse post(String path) {
        return client().post(path, null);
    }

    default TestResponse patch(String path, String json, String... headers) {
        return client().patch(path, json, headers);
    }

    default TestResponse delete(String path, String... headers) {
        return client().delete(path, headers);
    }

    default TestResponse send(String method, String path, String contentType, String body, String... headers) {
        return client().send(method, path, contentType, body, headers);
    }

    default HttpRequest.Builder request(String path, String... headers) {
        return client().request(path, headers);
    }

    default TestResponse send(HttpRequest request) {
        return client().send(request);
    }
}
