package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.team.TeamSlug;
import java.time.Clock;

/**
 * A team asks for a database: the record (pending), its provision job, the audit entry and the event are stored in one
 * transaction, so there is never a record without a job to provision it, nor a job without its record.
 */
public final class CreateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateDatabase(
            Transactions transactions,
            Databases databases,
            JobScheduler jobs,
            AuditTrail audit,
            DatabaseEvents events,
            IdGenerator ids,
            Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public Database execute(Caller caller, CreateDatabaseCommand command) {
        TeamSlug owner = ownerOf(caller.principal(), command);
        AccessPolicy.requireRole(caller.principal(), owner, Role.MEMBER, () -> notYourTeam(caller.principal()));
        DatabaseId id = new DatabaseId(ids.newId());
        Job provision = jobs.newJob(JobKind.PROVISION, id);
        Database database = Database.requested(
                        id, command.name(), owner, command.purpose(), command.labels(), clock.instant())
                .withOperation(provision.id());
        return transactions.inTransaction(() -> {
            try {
                databases.add(database);
            } catch (TeamNotFoundException e) {
                // The store's foreign key answers this, instead of a lookup of the team on every create.
                throw InvalidInputException.of("owner_team", "no team is named " + owner);
            }
            jobs.enqueue(provision);
            audit.databaseCreated(caller, database);
            events.created(database);
            return database;
        });
    }

    /** A team's key creates for its team; a platform admin must say which team. */
    private static TeamSlug ownerOf(Principal principal, CreateDatabaseCommand command) {
        if (command.ownerTeam().isPresent()) {
            return command.ownerTeam().get();
        }
        if (principal.isPlatformAdmin()) {
            throw InvalidInputException.of("owner_team", "is required with a platform admin key");
        }
        return principal.team();
    }

    /** Says nothing about whether the named team exists. */
    private static InvalidInputException notYourTeam(Principal principal) {
        return InvalidInputException.of(
                "owner_team", "must be this API key's team, " + principal.team() + ", or left out");
    }
}
