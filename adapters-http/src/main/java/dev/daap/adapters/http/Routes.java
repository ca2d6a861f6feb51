package dev.daap.adapters.http;

import dev.daap.adapters.http.credential.CredentialHandler;
import dev.daap.adapters.http.database.DatabaseHandler;
import dev.daap.adapters.http.health.HealthHandler;
import dev.daap.adapters.http.idempotency.IdempotentPosts;
import dev.daap.adapters.http.operation.OperationHandler;
import dev.daap.adapters.http.protocol.RequestIds;
import io.javalin.config.RoutesConfig;

/** Every path of the API, in one place. */
public final class Routes {
    public static final String DATABASES = "/v1/databases";
    public static final String DATABASE = DATABASES + "/{id}";
    public static final String DATABASE_RETRY = DATABASE + "/retry";
    public static final String DATABASE_OPERATIONS = DATABASE + "/operations";
    public static final String DATABASE_CREDENTIALS = DATABASE + "/credentials";
    public static final String DATABASE_CREDENTIALS_ROTATE = DATABASE_CREDENTIALS + "/rotate";
    public static final String OPERATION = "/v1/operations/{id}";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private Routes() {
    }

    /** Every POST goes through {@code idempotent}: an action that is not safe to replay must say so there. */
    static void register(RoutesConfig routes, IdempotentPosts idempotent, DatabaseHandler databases,
                         OperationHandler operations, CredentialHandler credentials, HealthHandler health) {
        routes.before(RequestIds::assign);
        routes.after(RequestIds::release);

        routes.post(DATABASES, idempotent.idempotent(databases::create));
        routes.get(DATABASES, databases::list);
        routes.get(DATABASE, databases::get);
        routes.patch(DATABASE, databases::update);
        routes.delete(DATABASE, databases::delete);
        routes.post(DATABASE_RETRY, idempotent.idempotent(databases::retry));

        routes.get(OPERATION, operations::get);
        routes.get(DATABASE_OPERATIONS, operations::ofDatabase);

        routes.get(DATABASE_CREDENTIALS, credentials::read);
        // Its response holds the new password in plain text; secrets are never stored unencrypted, so this
        // response cannot be kept for a replay. A key is refused rather than ignored, so no client thinks a retry
        // would be replayed; a retried rotation just rotates again, and the newest password is the valid one.
        routes.post(DATABASE_CREDENTIALS_ROTATE, idempotent.refusingKeys(credentials::rotate,
                "its response holds a secret (the new password), which is never stored for a replay"));

        routes.get(LIVE, health::live);
        routes.get(READY, health::ready);

        // Without these, Javalin answers HEAD on a GET route with 200 without running the handler, so HEAD of a
        // database that does not exist would say it does. Jetty drops the body of a HEAD response.
        routes.head(DATABASES, databases::list);
        routes.head(DATABASE, databases::get);
        routes.head(OPERATION, operations::get);
        routes.head(DATABASE_OPERATIONS, operations::ofDatabase);
        routes.head(DATABASE_CREDENTIALS, credentials::read);
        routes.head(LIVE, health::live);
        routes.head(READY, health::ready);
    }
}
