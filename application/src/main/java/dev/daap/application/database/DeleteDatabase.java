package dev.daap.application.database;

import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.VersionMismatchException;

import java.time.Clock;
import java.util.OptionalLong;

/** Soft-deletes a database: it leaves every list and lookup, and its name is free again. */
public final class DeleteDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final Clock clock;

    public DeleteDatabase(Transactions transactions, Databases databases, Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.clock = clock;
    }

    /** @param expectedVersion the version the client last saw; empty means delete whatever is current */
    public Database execute(DatabaseId id, OptionalLong expectedVersion) {
        return transactions.inTransaction(() -> {
            Database current = databases.find(id).orElseThrow(() -> new DatabaseNotFoundException(id.toString()));
            expectedVersion.ifPresent(expected -> {
                if (expected != current.version()) {
                    throw new VersionMismatchException(expected, current.version());
                }
            });
            Database deleted = current.delete(clock.instant());
            databases.update(deleted, current.version());
            return deleted;
        });
    }
}
