package dev.daap.adapters.http.database;

import dev.daap.adapters.http.idempotency.Idempotency;
import dev.daap.application.credential.ManageCredentials;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.RetryDatabase;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.application.operation.GetOperations;
import java.util.Objects;

/**
 * The use cases behind {@code /v1/databases} and what hangs off a database (its operations and credentials, and
 * {@code /v1/operations}), wired by the bootstrap; with them, the store that lets their POSTs be retried safely.
 */
public record DatabaseUseCases(
        CreateDatabase create,
        GetDatabase get,
        ListDatabases list,
        UpdateDatabase update,
        DeleteDatabase delete,
        RetryDatabase retry,
        GetOperations operations,
        ManageCredentials credentials,
        Idempotency idempotency) {
    public DatabaseUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(idempotency, "idempotency");
    }
}
