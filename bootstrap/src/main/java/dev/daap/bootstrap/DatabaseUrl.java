package dev.daap.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL address from {@code DATABASE_URL}, in either the libpq form
 * ({@code postgres://user:pass@host:port/db?sslmode=require}) or the JDBC form ({@code jdbc:postgresql://…}).
 * Query parameters such as {@code sslmode} are passed on to pgjdbc, which understands the libpq names.
 *
 * @param jdbcUrl without credentials, so that it can be logged
 * @param source  the variables it was read from, for messages that tell the operator what to check
 */
record DatabaseUrl(
        String jdbcUrl,
        String host,
        int port,
        String database,
        String user,
        String password,
        Map<String, String> properties,
        String source) {
    private static final String DEFAULT_VARIABLE = "DATABASE_URL";

    static DatabaseUrl parse(String raw) {
        return parse(DEFAULT_VARIABLE, raw);
    }

    /** @param variable the variable it came from, named in error messages */
    static DatabaseUrl parse(String variable, String raw) {
        try {
            return parseUrl(raw).from(variable);
        } catch (InvalidUrl e) {
            boolean passwordApart = e.inCredentials && variable.equals(DEFAULT_VARIABLE);
            throw new ConfigException(variable + " " + e.getMessage()
                    + (passwordApart ? ", or leave the password out of the URL and set DATABASE_PASSWORD" : ""));
        }
    }

    /** What is wrong with the URL, worded to follow the name of the variable that held it. */
    private static final class InvalidUrl extends RuntimeException {
        private final boolean inCredentials;

        InvalidUrl(String message) {
            this(message, false);
        }

        InvalidUrl(String message, boolean inCredentials) {
            super(message);
            this.inCredentials = inCredentials;
        }
    }

    private static DatabaseUrl parseUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidUrl("is empty; unset it to use the embedded PostgreSQL");
        }
        String text = raw.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            return fromJdbc(text);
        }
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            return fromLibpq(text);
        }
        throw new InvalidUrl("must start with postgres://, postgresql:// or jdbc:postgresql: "
                + "(for example postgres://daap:secret@localhost:5432/daap?sslmode=require)");
    }

    private static DatabaseUrl fromLibpq(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw unencodedCredentials(text) ? unencoded() : new InvalidUrl("is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw unencodedCredentials(text)
                    ? unencoded()
                    : new InvalidUrl("must name a host, as in postgres://user:pass@host:5432/db");
        }
        if (contains(uri.getRawPath(), '@') || contains(uri.getRawFragment(), '@')) {
            throw unencoded(); // "user:p@ss/word@host" parses, wrongly, as host "ss" and database "word@host"
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? (user == null ? "postgres" : user) : decode(path);
        Map<String, String> properties = query(uri.getRawQuery());
        if (properties.containsKey("user")) {
            user = properties.remove("user");
        }
        if (properties.containsKey("password")) {
            password = properties.remove("password");
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + URLEncodedPath.encode(database);
        return new DatabaseUrl(jdbc, uri.getHost(), port, database, user, password, properties, null);
    }

    /**
     * A password with {@code /}, {@code ?} or {@code #} cuts a URL short before its {@code @}, so the parser sees no
     * host or a bad port; say what went wrong instead, without repeating the password.
     */
    private static boolean contains(String part, char character) {
        return part != null && part.indexOf(character) >= 0;
    }

    private static boolean unencodedCredentials(String text) {
        return text.substring(text.indexOf("://") + 3).contains("@");
    }

    private static InvalidUrl unencoded() {
        return new InvalidUrl(
                "cannot be read: its user name or password holds a character that a URL needs percent-encoded (/ as "
                        + "%2F, ? as %3F, # as %23, @ as %40, % as %25); encode it",
                true);
    }

    private static DatabaseUrl fromJdbc(String text) {
        int question = text.indexOf('?');
        String base = question < 0 ? text : text.substring(0, question);
        Map<String, String> properties = query(question < 0 ? null : text.substring(question + 1));
        String user = properties.remove("user");
        String password = properties.remove("password");
        URI address = URI.create(
                base.substring("jdbc:".length()).replaceFirst("^postgresql:(?!//)", "postgresql://localhost/"));
        String host = address.getHost() == null ? "localhost" : address.getHost();
        String path = address.getRawPath() == null ? "" : address.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? (user == null ? "postgres" : user) : decode(path);
        return new DatabaseUrl(
                base,
                host,
                address.getPort() == -1 ? 5432 : address.getPort(),
                database,
                user,
                password,
                properties,
                null);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return properties;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] keyValue = pair.split("=", 2);
            properties.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
        }
        return properties;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not the decoder's message: it quotes the text, which may be the password.
            throw new InvalidUrl(
                    "has a malformed %-escape (a % not followed by two hex digits; % itself is %25)", true);
        }
    }

    private DatabaseUrl from(String variable) {
        return new DatabaseUrl(jdbcUrl, host, port, database, user, password, properties, variable);
    }

    /** @param variable where the user came from, added to {@link #source()} */
    DatabaseUrl withUser(String newUser, String variable) {
        return new DatabaseUrl(jdbcUrl, host, port, database, newUser, password, properties, source + ", " + variable);
    }

    /** @param variable where the password came from, added to {@link #source()} */
    DatabaseUrl withPassword(String newPassword, String variable) {
        return new DatabaseUrl(jdbcUrl, host, port, database, user, newPassword, properties, source + ", " + variable);
    }

    /** The URL with the password masked, for logs. */
    String redacted() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return redacted();
    }

    /** Percent-encodes a database name for the JDBC URL path. */
    private static final class URLEncodedPath {
        static String encode(String name) {
            return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
