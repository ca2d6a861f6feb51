package dev.daap.application.database;

import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentModificationException;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.VersionMismatchException;

import java.time.Clock;

/**
 * Changes purpose, labels or owner. The write is conditional on the version read in the same transaction, so
 * a concurrent change is never silently overwritten, with or without the client's expected version.
 */
public final class UpdateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final Clock clock;

    public UpdateDatabase(Transactions transactions, Databases databases, Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.clock = clock;
    }

    public Database execute(UpdateDatabaseCommand command) {
        return transactions.inTransaction(() -> {
            Database current = databases.find(command.id())
                    .orElseThrow(() -> new DatabaseNotFoundException(command.id().toString()));
            command.expectedVersion().ifPresent(expected -> {
                if (expected != current.version()) {
                    throw new VersionMismatchException(expected, current.version());
                }
            });
            if (command.changes().isEmpty()) {
                return current;
            }
            Database changed = current.change(command.changes(), clock.instant());
            try {
                databases.update(changed, current.version());
            } catch (ConcurrentModificationException e) {
                // With If-Match the client named a version, and it is gone: a failed precondition, as when read.
                if (command.expectedVersion().isPresent()) {
                    throw new VersionMismatchException(command.expectedVersion().getAsLong());
                }
                throw e;
            }
            return changed;
        });
    }
}
