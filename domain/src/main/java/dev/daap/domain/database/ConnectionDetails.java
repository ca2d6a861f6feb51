package dev.daap.domain.database;

import dev.daap.domain.cluster.SslMode;

/**
 * Where a provisioned database is reached. No secrets: passwords live in the credential vault.
 *
 * @param sslmode what clients should ask for, when the cluster says; null: left to the client
 */
public record ConnectionDetails(String host, int port, String database, String username, SslMode sslmode) {
    public ConnectionDetails(String host, int port, String database, String username) {
        this(host, port, database, username, null);
    }
}
