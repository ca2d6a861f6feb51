package dev.daap.application.backup;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupQuery;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Databases;

/** Reads backups: the live ones of a database (newest first, keyset pages), or one by its id; viewers may. */
public final class ListBackups {
    private final Databases databases;
    private final Backups backups;

    public ListBackups(Databases databases, Backups backups) {
        this.databases = databases;
        this.backups = backups;
    }

    /** A page of the live backups of the query's database, newest first. */
    public Page<Backup> ofDatabase(Principal principal, BackupQuery query) {
        DatabaseAccess.findAny(databases, principal, query.database(), Role.VIEWER); // a deleted one keeps them
        return backups.page(query);
    }

    public Backup one(Principal principal, BackupId id) {
        return BackupAccess.find(backups, principal, id, Role.VIEWER);
    }
}
