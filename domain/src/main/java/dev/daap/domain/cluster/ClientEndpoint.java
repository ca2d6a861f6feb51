package dev.daap.domain.cluster;

import java.util.regex.Pattern;

/**
 * Where clients connect to a cluster's databases, as platform admins set it; a null host or port is the admin
 * URL's, a null sslmode leaves it out of the connection details (libpq's default, prefer, then applies).
 */
public record ClientEndpoint(String host, Integer port, SslMode sslmode) {
    public static final ClientEndpoint DEFAULTS = new ClientEndpoint(null, null, null);
    public static final int MAX_HOST_LENGTH = 253;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:-]+");

    public ClientEndpoint {
        if (host != null) {
            checkedHost(host);
        }
        if (port != null) {
            checkedPort(port);
        }
    }

    /** A host name, an IPv4 or an IPv6 address (without brackets). */
    public static String checkedHost(String host) {
        if (host.isEmpty()
                || host.length() > MAX_HOST_LENGTH
                || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("must be a host name or an IP address (letters, digits, '.', '-', "
                    + "':'), at most " + MAX_HOST_LENGTH + " characters");
        }
        return host;
    }

    public static Integer checkedPort(Integer port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("must be from 1 to 65535");
        }
        return port;
    }

    /** What clients get: these settings, with the admin address wherever they leave host or port open. */
    public Resolved resolve(AdminAddress admin) {
        return new Resolved(host == null ? admin.host() : host, port == null ? admin.port() : port, sslmode);
    }

    /** Host and port always known; sslmode null when the cluster sets none. */
    public record Resolved(String host, int port, SslMode sslmode) {}
}
