package dev.daap.adapters.http.database;

import dev.daap.adapters.http.idempotency.Idempotency;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.ExportDatabases;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.MoveDatabase;
import dev.daap.application.database.QuoteDatabase;
import dev.daap.application.database.QuoteDatabaseChange;
import dev.daap.application.database.RestoreDatabase;
import dev.daap.application.database.RetryDatabase;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.application.operation.GetOperation;
import dev.daap.application.operation.ListOperations;
import dev.daap.application.revision.ListRevisions;
import dev.daap.application.user.ReadCredentials;
import dev.daap.application.user.RotateCredentials;
import java.util.Objects;

/**
 * The use cases behind {@code /v1/databases} and what hangs off a database (its operations, credentials and revisions, and
 * {@code /v1/operations}), wired by the bootstrap; with them, the store that lets their POSTs be retried safely.
 */
public record DatabaseUseCases(
        CreateDatabase create,
        GetDatabase get,
        ListDatabases list,
        ExportDatabases export,
        UpdateDatabase update,
        DeleteDatabase delete,
        RetryDatabase retry,
        GetOperation getOperation,
        ListOperations listOperations,
        ReadCredentials readCredentials,
        RotateCredentials rotateCredentials,
        Idempotency idempotency,
        RestoreDatabase restore,
        ListRevisions revisions,
        MoveDatabase move) {
    public DatabaseUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(getOperation, "getOperation");
        Objects.requireNonNull(listOperations, "listOperations");
        Objects.requireNonNull(readCredentials, "readCredentials");
        Objects.requireNonNull(rotateCredentials, "rotateCredentials");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(restore, "restore");
        Objects.requireNonNull(revisions, "revisions");
        Objects.requireNonNull(move, "move");
    }

    /** The dry run of a create: the same checks, priced, nothing written. */
    public QuoteDatabase quoteCreate() {
        return new QuoteDatabase(create);
    }

    /** The dry run of a change. */
    public QuoteDatabaseChange quoteChange() {
        return new QuoteDatabaseChange(update);
    }
}
