package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.common.RacedChangeRetry;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.plan.Admission;
import dev.daap.application.plan.StorageLimits;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.error.PlanTooSmallException;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanChanges;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.plan.Quote;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.time.Clock;
import java.util.Optional;

/**
 * Changes purpose, labels or owner, in one transaction: reads the database, checks the client's precondition
 * against the version read, merges the label patch into the labels read, and writes against that version, so a
 * concurrent change is never silently overwritten (see {@link dev.daap.domain.common.VersionPrecondition}). Moving
 * a database to another team is for platform admins: a team's key would be giving away what it cannot take back;
 * a ready database's move queues the rotation of all its users' credentials, so the previous team's stop working.
 */
public final class UpdateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final Teams teams;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final Clock clock;
    private final Plans plans;
    private final Admission admission;
    private final StorageLimits storageLimits;

    public UpdateDatabase(
            Transactions transactions,
            Databases databases,
            Teams teams,
            JobScheduler jobs,
            AuditTrail audit,
            DatabaseEvents events,
            Clock clock,
            Plans plans,
            Admission admission,
            StorageLimits storageLimits) {
        this.storageLimits = storageLimits;
        this.plans = plans;
        this.admission = admission;
        this.events = events;
        this.transactions = transactions;
        this.databases = databases;
        this.teams = teams;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    public Database execute(Caller caller, UpdateDatabaseCommand command) {
        return RacedChangeRetry.run(
                command.precondition(),
                () -> transactions.inTransaction(() -> {
                    Database current = DatabaseAccess.find(databases, caller.principal(), command.id(), Role.MEMBER);
                    command.precondition().check(current.version());
                    if (command.changesNothing()) {
                        return current;
                    }
                    var changes = new DatabaseChanges(
                            command.purpose(),
                            command.labels().map(patch -> merge(current.labels(), patch)),
                            command.ownerTeam(),
                            command.deletionProtection(),
                            command.plan(),
                            command.backupPolicy());
                    boolean moved = changes.ownerTeam()
                            .filter(team -> !team.equals(current.ownerTeam()))
                            .map(team -> checkMove(caller, team))
                            .isPresent();
                    Database changed = current.change(changes, clock.instant());
                    Optional<PlanChange> planChange = planChange(current, changed.plan());
                    planChange.ifPresent(change -> admission.admitPlanChange(
                            changed.ownerTeam(), change.from(), change.to(), current.storageBytes(), false));
                    try {
                        databases.update(changed, current.version());
                    } catch (ConcurrentChangeException e) {
                        throw command.precondition().changedMeanwhile(e, current.version());
                    }
                    if (moved && current.status() == DatabaseStatus.READY) {
                        // The previous team knew every user's password: they stop working (see RotateUsersAfterMove).
                        jobs.enqueue(jobs.newJob(JobKind.USERS_ROTATE_AFTER_MOVE, current.id()));
                    }
                    audit.databaseUpdated(caller, current, changed);
                    events.updated(current, changed);
                    if (planChange.isPresent()) {
                        // Whatever its status: the job runs after any job of the database still running (one at a
                        // time), and applies the plan (and quota state) it finds then, or nothing if the database is
                        // not ready.
                        jobs.enqueue(jobs.newJob(JobKind.APPLY_PLAN, changed.id()));
                        return storageLimits.afterPlanChange(
                                changed, planChange.get().to());
                    }
                    return changed;
                }));
    }

    /**
     * A dry run: what the patch would add to its team's spend this month (nothing unless it moves the database to
     * a dearer plan), after every check the change makes first; nothing is stored.
     */
    Quote quote(Caller caller, UpdateDatabaseCommand command) {
        return transactions.inTransaction(() -> {
            Database current = DatabaseAccess.find(databases, caller.principal(), command.id(), Role.MEMBER);
            command.precondition().check(current.version());
            command.ownerTeam()
                    .filter(team -> !team.equals(current.ownerTeam()))
                    .ifPresent(team -> checkMove(caller, team));
            Database changed = current.change(
                    new DatabaseChanges(
                            Optional.empty(), Optional.empty(), command.ownerTeam(), Optional.empty(), command.plan()),
                    clock.instant());
            PlanChange change = planChange(current, changed.plan()).orElseGet(() -> {
                Plan same = plans.find(current.plan()).orElse(null);
                return new PlanChange(same, same);
            });
            if (change.to() == null) {
                throw new PlanNotFoundException(current.plan().value());
            }
            return admission
                    .admitPlanChange(changed.ownerTeam(), change.from(), change.to(), current.storageBytes(), true)
                    .orElseThrow();
        });
    }

    /**
     * The move to plan {@code target}, if it is one: the plan must exist (held until the commit) and allow the
     * storage the database was last measured at.
     */
    private Optional<PlanChange> planChange(Database current, PlanName target) {
        if (target.equals(current.plan())) {
            return Optional.empty();
        }
        Plan to = plans.findForUse(target)
                .orElseThrow(() -> InvalidInputException.of(
                        "plan", "no plan is named " + target + " (GET /v1/plans lists the plans)"));
        if (current.storageBytes() != null && current.storageBytes() > to.storageLimitBytes()) {
            throw new PlanTooSmallException(to.name().value(), to.storageLimitBytes(), current.storageBytes());
        }
        // A plan removed since (possible only for purged databases' plans) is priced as free.
        Plan from = plans.find(current.plan()).orElse(to.change(PlanChanges.FREE, to.updatedAt()));
        return Optional.of(new PlanChange(from, to));
    }

    private record PlanChange(Plan from, Plan to) {}

    /** The merged labels must still be valid labels (not too many of them). */
    private static Labels merge(Labels current, LabelPatch patch) {
        try {
            return current.merge(patch);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("labels", e.getMessage());
        }
    }

    private TeamSlug checkMove(Caller caller, TeamSlug target) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "moving a database to another team");
        if (teams.find(target).isEmpty()) {
            throw InvalidInputException.of("owner_team", "no team is named " + target);
        }
        return target;
    }
}
