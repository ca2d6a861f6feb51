package dev.daap.domain.revision;

import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import java.util.Optional;

/** The revisions of databases' settings: appended in the transaction of the change, never changed or removed. */
public interface Revisions {
    /** Stores a revision; the database must exist, and a second revision of the same version is refused. */
    void add(Revision revision);

    /** A page of a database's revisions, newest first. */
    Page<Revision> list(RevisionQuery query);

    Optional<Revision> find(DatabaseId database, long version);
}
