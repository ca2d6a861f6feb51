package dev.daap.application.credential;

import dev.daap.domain.database.ConnectionDetails;

/** What a client needs to connect to its database. Never logged, never listed, never put in an event. */
public record Credentials(ConnectionDetails connection, String password) {
    @Override
    public String toString() {
        return "Credentials[" + connection + ", password=***]";
    }
}
