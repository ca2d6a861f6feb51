package dev.daap.application.database;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.Databases;
import java.util.List;
import java.util.Optional;

/**
 * One page of databases (live ones, or deleted ones too as the query asks); build the query with {@link ListDatabasesQuery#of}. A team's key sees its team's
 * databases only: a filter on another team finds nothing, as if the team did not exist, and {@code name=} looks
 * a name up within the caller's team.
 */
public final class ListDatabases {
    private final Databases databases;

    public ListDatabases(Databases databases) {
        this.databases = databases;
    }

    public Page<Database> execute(Principal principal, DatabaseQuery query) {
        return visibleTo(principal, query)
                .map(databases::list)
                .orElseGet(() -> new Page<>(List.of(), Optional.empty()));
    }

    /** The query as {@code principal} may run it: restricted to its team; empty when it asks for another team. */
    static Optional<DatabaseQuery> visibleTo(Principal principal, DatabaseQuery query) {
        if (principal.isPlatformAdmin()) {
            return Optional.of(query);
        }
        if (query.ownerTeam().isPresent() && !query.ownerTeam().get().equals(principal.team())) {
            return Optional.empty();
        }
        return Optional.of(query.ofTeam(principal.team()));
    }
}
