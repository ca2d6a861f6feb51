package dev.daap.application.revision;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.RevisionNotFoundException;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionQuery;
import dev.daap.domain.revision.Revisions;

/**
 * The history of a database's settings, for whoever may read the database: its team (any role) or a platform
 * admin; deleted and purged databases keep theirs. Another team's database is not found, as for GET.
 */
public final class ListRevisions {
    private final Databases databases;
    private final Revisions revisions;

    public ListRevisions(Databases databases, Revisions revisions) {
        this.databases = databases;
        this.revisions = revisions;
    }

    /** A page, newest first. */
    public Page<Revision> page(Principal principal, RevisionQuery query) {
        DatabaseAccess.findAny(databases, principal, query.database(), Role.VIEWER);
        return revisions.list(query);
    }

    /** One revision, with every setting as it was at that version. */
    public Revision one(Principal principal, DatabaseId database, long version) {
        DatabaseAccess.findAny(databases, principal, database, Role.VIEWER);
        return revisions
                .find(database, version)
                .orElseThrow(() -> new RevisionNotFoundException(database.toString(), version));
    }
}
