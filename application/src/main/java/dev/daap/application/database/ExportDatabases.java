package dev.daap.application.database;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.Databases;
import java.util.function.Consumer;

/**
 * Every live database that matches a list's filters, not one page, handed to {@code sink} as it is read: who sees
 * what is decided as for {@link ListDatabases}. One transaction, so the rows are one consistent snapshot (and the
 * store can read them through a cursor); it stays open while the sink writes, so a slow reader holds a connection.
 */
public final class ExportDatabases {
    private final Transactions transactions;
    private final Databases databases;

    public ExportDatabases(Transactions transactions, Databases databases) {
        this.transactions = transactions;
        this.databases = databases;
    }

    public void execute(Principal principal, DatabaseQuery query, Consumer<Database> sink) {
        ListDatabases.visibleTo(principal, query)
                .ifPresent(visible -> transactions.inTransaction(() -> {
                    databases.forEach(visible, sink);
                    return null;
                }));
    }
}
