package dev.daap.domain.database;

import dev.daap.domain.common.Page;
import java.util.Optional;
import java.util.function.Consumer;

/** The store of databases (a secondary port). Calls join the transaction open on the calling thread. */
public interface Databases {

    /**
     * Stores a new database; throws {@code NameTakenException} if a live one has its name, and
     * {@code TeamNotFoundException} if no team has its owner's slug.
     */
    void add(Database database);

    /** The live database with this id. */
    Optional<Database> find(DatabaseId id);

    /** The database with this id, deleted or not: what its operations belong to after it is gone. */
    Optional<Database> findIncludingDeleted(DatabaseId id);

    /**
     * Replaces the stored database with {@code changed}, provided the stored version is still
     * {@code expectedVersion}; throws {@code ConcurrentChangeException} otherwise.
     */
    void update(Database changed, long expectedVersion);

    /** One page of live databases matching the query, in its sort order. */
    Page<Database> list(DatabaseQuery query);

    /**
     * Every live database matching the query's filters, in its sort order, handed to {@code action} one at a time
     * as it is read, so that memory does not grow with their number; the query's page size and position do not
     * apply. This default walks the keyset pages of {@link #list}; a store may read them in one go instead (inside
     * the caller's transaction).
     */
    default void forEach(DatabaseQuery query, Consumer<Database> action) {
        DatabaseQuery page = query.withPageSize(DatabaseQuery.MAX_PAGE_SIZE);
        while (true) {
            Page<Database> rows = list(page);
            rows.items().forEach(action);
            if (rows.next().isEmpty()) {
                return;
            }
            page = page.startingAfter(DatabaseCursor.fromToken(rows.next().get(), page.sort(), page.filters()));
        }
    }
}
