package dev.daap.domain.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The admin connection of a cluster (a role with CREATEROLE and CREATEDB, or a superuser): a secret. Read from the
 * libpq form ({@code postgres://user:pass@host:port/db?sslmode=require}) or the JDBC form
 * ({@code jdbc:postgresql://host:port/db?user=…&password=…}); query parameters other than user and password are
 * connection parameters ({@code sslmode}, {@code sslrootcert}, …). {@link #toString()} never shows the password, and
 * no message of {@link #parse} quotes any part of the text it refused.
 *
 * @param host       without the brackets of an IPv6 literal
 * @param database   the database the admin connects to ({@code postgres} by default, as libpq's is the user's)
 * @param password   null when the URL has none (a server that trusts the host, say)
 * @param parameters connection parameters, in the order given
 */
public record AdminUrl(
        String host, int port, String database, String user, String password, Map<String, String> parameters) {
    public static final int DEFAULT_PORT = 5432;

    public AdminUrl {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("must name a host, as in postgres://user:pass@host:5432/postgres");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("must have a port from 1 to 65535");
        }
        Objects.requireNonNull(database, "database");
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("must name a user, as in postgres://user:pass@host:5432/postgres");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    /** Throws {@link IllegalArgumentException} with a message that never quotes {@code raw}. */
    public static AdminUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String text = raw.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            return fromJdbc(text);
        }
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            return fromLibpq(text);
        }
        throw new IllegalArgumentException("must start with postgres://, postgresql:// or jdbc:postgresql: "
                + "(for example postgresql://USER:PASSWORD@HOST:5432/postgres?sslmode=require)");
    }

    private static AdminUrl fromLibpq(String text) {
        URI uri = uri(text);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> parameters = query(uri.getRawQuery());
        user = parameters.containsKey("user") ? parameters.remove("user") : user;
        password = parameters.containsKey("password") ? parameters.remove("password") : password;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? (user == null ? "postgres" : user) : decode(path);
        return new AdminUrl(host(uri), port(uri), database, user, password, parameters);
    }

    private static AdminUrl fromJdbc(String text) {
        int question = text.indexOf('?');
        String base = question < 0 ? text : text.substring(0, question);
        Map<String, String> parameters = query(question < 0 ? null : text.substring(question + 1));
        String user = parameters.remove("user");
        String password = parameters.remove("password");
        String address = base.substring("jdbc:".length()).replaceFirst("^postgresql:(?!//)", "postgresql://localhost/");
        URI uri = uri(address);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? (user == null ? "postgres" : user) : decode(path);
        return new AdminUrl(host(uri), port(uri), database, user, password, parameters);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("must name a host, as in postgres://user:pass@host:5432/postgres");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                String[] keyValue = pair.split("=", 2);
                parameters.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a malformed %-escape"); // the decoder's own text quotes it
        }
    }

    /** The same admin connection, to another database of the cluster. */
    public AdminUrl onDatabase(String other) {
        return new AdminUrl(host, port, other, user, password, parameters);
    }

    /** The host and port, which are no secret: where clients connect unless the cluster says otherwise. */
    public AdminAddress address() {
        return new AdminAddress(host, port);
    }

    /** The whole URL in the libpq form, password included: only for the encrypted store. */
    public String secretText() {
        String credentials = encode(user) + (password == null ? "" : ":" + encode(password));
        String query = parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return "postgresql://" + credentials + "@" + address() + "/" + encode(database)
                + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Host, port, database and user; never the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + address() + "/" + database;
    }
}
