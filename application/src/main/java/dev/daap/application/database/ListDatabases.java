package dev.daap.application.database;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.Databases;
import java.util.List;
import java.util.Optional;

/**
 * One page of live databases; build the query with {@link ListDatabasesQuery#of}. A team's key sees its team's
 * databases only: a filter on another team finds nothing, as if the team did not exist.
 */
public final class ListDatabases {
    private final Databases databases;

    public ListDatabases(Databases databases) {
        this.databases = databases;
    }

    public Page<Database> execute(Principal principal, DatabaseQuery query) {
        if (principal.isPlatformAdmin()) {
            return databases.list(query);
        }
        if (query.ownerTeam().isPresent() && !query.ownerTeam().get().equals(principal.team())) {
            return new Page<>(List.of(), Optional.empty());
        }
        return databases.list(new DatabaseQuery(
                Optional.of(principal.team()),
                query.status(),
                query.text(),
                query.sort(),
                query.pageSize(),
                query.after(),
                query.includeDeleted()));
    }
}
