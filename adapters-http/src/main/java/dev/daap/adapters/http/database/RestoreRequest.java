package dev.daap.adapters.http.database;

import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseName;
import java.util.Optional;

/**
 * The optional body of {@code POST /v1/databases/{id}/restore}: {@code name}, to come back under another name
 * than the one it had (taken meanwhile, say). Without it, it comes back under its own.
 */
public record RestoreRequest(String name) {
    public static final RestoreRequest EMPTY = new RestoreRequest(null);

    Optional<DatabaseName> newName() {
        var validation = new Validation();
        DatabaseName valid = validation.optionalField("name", name, DatabaseName::forNewDatabase);
        validation.throwIfInvalid();
        return Optional.ofNullable(valid);
    }
}
