package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.VersionMismatchException;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.time.Clock;

/**
 * Changes purpose, labels or owner. The write is conditional on the version read in the same transaction, so
 * a concurrent change is never silently overwritten, with or without the client's expected version. Moving a
 * database to another team is for platform admins: a team's key would be giving away what it cannot take back.
 */
public final class UpdateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final Teams teams;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final Clock clock;

    public UpdateDatabase(
            Transactions transactions,
            Databases databases,
            Teams teams,
            AuditTrail audit,
            DatabaseEvents events,
            Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.databases = databases;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    public Database execute(Caller caller, UpdateDatabaseCommand command) {
        return transactions.inTransaction(() -> {
            Database current = DatabaseAccess.find(databases, caller.principal(), command.id(), Role.MEMBER);
            command.expectedVersion().ifPresent(expected -> {
                if (expected != current.version()) {
                    throw new VersionMismatchException(expected, current.version());
                }
            });
            if (command.changes().isEmpty()) {
                return current;
            }
            command.changes()
                    .ownerTeam()
                    .filter(team -> !team.equals(current.ownerTeam()))
                    .ifPresent(team -> checkMove(caller, team));
            Database changed = current.change(command.changes(), clock.instant());
            try {
                databases.update(changed, current.version());
            } catch (ConcurrentChangeException e) {
                // With If-Match the client named a version, and it is gone: a failed precondition, as when read.
                if (command.expectedVersion().isPresent()) {
                    throw new VersionMismatchException(command.expectedVersion().getAsLong());
                }
                throw e;
            }
            audit.databaseUpdated(caller, current, changed);
            events.updated(current, changed);
            return changed;
        });
    }

    private void checkMove(Caller caller, TeamSlug target) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "moving a database to another team");
        if (teams.find(target).isEmpty()) {
            throw InvalidInputException.of("owner_team", "no team is named " + target);
        }
    }
}
