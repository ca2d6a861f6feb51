package dev.daap.adapters.http.credential;

import dev.daap.application.credential.Credentials;
import dev.daap.domain.database.ConnectionDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a client needs to connect, the password included. Sent with {@code Cache-Control: no-store}, never logged.
 *
 * @param sslmode what the client should ask for, when the cluster says; null: the client's own default
 * @param uri     a libpq connection URI: {@code postgresql://user:password@host:port/database[?sslmode=…]}
 */
public record CredentialsResponse(
        String host, int port, String database, String username, String password, String sslmode, String uri) {

    public static CredentialsResponse from(Credentials credentials) {
        ConnectionDetails c = credentials.connection();
        return new CredentialsResponse(
                c.host(),
                c.port(),
                c.database(),
                c.username(),
                credentials.password(),
                c.sslmode() == null ? null : c.sslmode().wireName(),
                uri(c, credentials.password()));
    }

    static String uri(ConnectionDetails c, String password) {
        String host = c.host().contains(":") ? "[" + c.host() + "]" : c.host(); // an IPv6 literal
        return "postgresql://" + encoded(c.username()) + ":" + encoded(password) + "@" + host + ":" + c.port() + "/"
                + encoded(c.database())
                + (c.sslmode() == null ? "" : "?sslmode=" + c.sslmode().wireName());
    }

    /**
     * Percent-encoding for the user info and path of a URI. URLEncoder encodes for forms, where a space is '+';
     * in a URI '+' is a literal plus, so spaces must be %20. DAAP's names and passwords need no encoding today.
     */
    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A record's own toString would print the password wherever the response is logged by accident. */
    @Override
    public String toString() {
        return "CredentialsResponse[" + username + "@" + host + ":" + port + "/" + database + ", password=***]";
    }
}
