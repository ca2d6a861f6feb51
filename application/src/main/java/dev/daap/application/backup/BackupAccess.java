package dev.daap.application.backup;

import dev.daap.application.access.AccessPolicy;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.error.BackupNotFoundException;

/**
 * Finds a live backup that the caller may act on with a role: by its team, since a backup outlives its database;
 * another team's backup is "not found".
 */
final class BackupAccess {
    private BackupAccess() {}

    static Backup find(Backups backups, Principal principal, BackupId id, Role minimum) {
        Backup backup =
                backups.find(id).filter(Backup::isLive).orElseThrow(() -> new BackupNotFoundException(id.toString()));
        AccessPolicy.requireRole(
                principal, backup.ownerTeam(), minimum, () -> new BackupNotFoundException(id.toString()));
        return backup;
    }
}
