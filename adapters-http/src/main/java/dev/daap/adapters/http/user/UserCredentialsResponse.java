package dev.daap.adapters.http.user;

import dev.daap.adapters.http.credential.CredentialsResponse;
import dev.daap.application.user.UserCredentials;
import java.time.Instant;

/**
 * A user's credentials: the current login with its password (what a client connects with now), and the previous
 * login while it still works, without its password. Sent with {@code Cache-Control: no-store}, never logged.
 */
public record UserCredentialsResponse(Current current, Previous previous) {

    public static UserCredentialsResponse from(UserCredentials credentials) {
        var c = credentials.current();
        var flat = CredentialsResponse.from(new dev.daap.application.credential.Credentials(c, credentials.password()));
        return new UserCredentialsResponse(
                new Current(
                        flat.host(),
                        flat.port(),
                        flat.database(),
                        flat.username(),
                        flat.password(),
                        flat.sslmode(),
                        flat.uri(),
                        credentials.user().currentSince()),
                credentials.previousLogin() == null
                        ? null
                        : new Previous(credentials.previousLogin(), credentials.previousValidUntil()));
    }

    /** @param since when this login became the current one */
    public record Current(
            String host,
            int port,
            String database,
            String username,
            String password,
            String sslmode,
            String uri,
            Instant since) {
        @Override
        public String toString() {
            return "Current[" + username + "@" + host + ":" + port + "/" + database + ", password=***]";
        }
    }

    /** @param validUntil when it stops working (a job then closes it and ends its sessions) */
    public record Previous(String username, Instant validUntil) {}
}
