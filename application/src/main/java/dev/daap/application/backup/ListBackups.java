package dev.daap.application.backup;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import java.util.List;

/** Reads backups: the live ones of a database (newest first), or one by its id; viewers may. */
public final class ListBackups {
    private final Databases databases;
    private final Backups backups;

    public ListBackups(Databases databases, Backups backups) {
        this.databases = databases;
        this.backups = backups;
    }

    public List<Backup> ofDatabase(Principal principal, DatabaseId database) {
        DatabaseAccess.findAny(databases, principal, database, Role.VIEWER); // a deleted one keeps them
        return backups.liveOf(database);
    }

    public Backup one(Principal principal, BackupId id) {
        return BackupAccess.find(backups, principal, id, Role.VIEWER);
    }
}
