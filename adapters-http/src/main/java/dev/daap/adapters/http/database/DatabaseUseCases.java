package dev.daap.adapters.http.database;

import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.UpdateDatabase;

import java.util.Objects;

/** The use cases behind {@code /v1/databases}, wired by the bootstrap. */
public record DatabaseUseCases(CreateDatabase create, GetDatabase get, ListDatabases list, UpdateDatabase update,
                               DeleteDatabase delete) {
    public DatabaseUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
    }
}
