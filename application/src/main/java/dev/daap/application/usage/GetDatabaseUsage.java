package dev.daap.application.usage;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.usage.UsageHistory;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import java.util.List;

/**
 * A database's usage over time, for whoever may read the database (its team, any role, or a platform admin; deleted
 * and purged ones keep theirs). Another team's database is not found, as for GET. A read: not audited.
 */
public final class GetDatabaseUsage {
    private final Databases databases;
    private final UsageHistory history;

    public GetDatabaseUsage(Databases databases, UsageHistory history) {
        this.databases = databases;
        this.history = history;
    }

    public List<UsagePoint> execute(Principal principal, DatabaseId database, UsageRange range) {
        DatabaseAccess.findAny(databases, principal, database, Role.VIEWER);
        return history.ofDatabase(database, range);
    }
}
