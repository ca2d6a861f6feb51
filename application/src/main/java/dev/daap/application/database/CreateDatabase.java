package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.plan.Admission;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges.NewBackupPolicy;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.BackupNotFoundException;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.SnapshotNotFoundException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.plan.Quote;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import dev.daap.domain.team.TeamSlug;
import java.time.Clock;
import java.util.Optional;

/**
 * A team asks for a database: placement picks its cluster, and the record (pending), its provision job, the audit
 * entry and the event are stored in one transaction, so there is never a record without a job to provision it, nor
 * a job without its record.
 *
 * <p>Placement is one statement (see {@link Clusters#takePlace}): it ranks the clusters and takes a place on the
 * best, whose row then stays locked until the commit, so creates racing for its last places queue there and never
 * overshoot its limit. Only when nothing fits are the clusters read, to say why each was passed over. The name on
 * the cluster is not looked up first: the store's unique index refuses one that is taken (rare: two teams whose
 * names meet), and the create starts again with the distinct form of the name.
 */
public final class CreateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final ClusterPlacement placement;
    private final Snapshots snapshots;
    private final Backups backups;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final IdGenerator ids;
    private final Clock clock;
    private final Plans plans;
    private final Admission admission;
    private final BackupPolicy defaultBackupPolicy;

    /** @param defaultBackupPolicy the policy of a database whose request says nothing of backups; null: none */
    public CreateDatabase(
            Transactions transactions,
            Databases databases,
            Clusters clusters,
            Snapshots snapshots,
            Backups backups,
            JobScheduler jobs,
            AuditTrail audit,
            DatabaseEvents events,
            IdGenerator ids,
            Clock clock,
            Plans plans,
            Admission admission,
            BackupPolicy defaultBackupPolicy) {
        this.defaultBackupPolicy = defaultBackupPolicy;
        this.plans = plans;
        this.admission = admission;
        this.backups = backups;
        this.events = events;
        this.transactions = transactions;
        this.databases = databases;
        this.placement = new ClusterPlacement(clusters);
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public Database execute(Caller caller, CreateDatabaseCommand command) {
        TeamSlug owner = authorize(caller, command);
        DatabaseId id = new DatabaseId(ids.newId());
        Job provision = jobs.newJob(JobKind.PROVISION, id);
        Database requested = Database.requested(
                        id, command.name(), owner, command.purpose(), command.labels(), clock.instant())
                .withOperation(provision.id())
                .withDeletionProtection(command.deletionProtection())
                .withBackupPolicy(NewBackupPolicy.or(command.backupPolicy(), defaultBackupPolicy));
        boolean distinctName = false;
        while (true) {
            try {
                boolean distinct = distinctName;
                return transactions.inTransaction(() -> createOnce(caller, requested, provision, command, distinct));
            } catch (NameOnClusterTaken taken) {
                distinctName = true;
            }
        }
    }

    /**
     * A dry run: what the create would cost its team this month, with every check the create makes before it
     * writes (access, source, plan, quota, budget), and nothing stored.
     */
    Quote quote(Caller caller, CreateDatabaseCommand command) {
        TeamSlug owner = authorize(caller, command);
        return transactions.inTransaction(() -> {
            command.source().ifPresent(clone -> readableSource(caller, clone));
            command.backup().ifPresent(id -> restorableBackup(caller, id, owner));
            return admission.admitDatabase(owner, planOf(command), true).orElseThrow();
        });
    }

    private TeamSlug authorize(Caller caller, CreateDatabaseCommand command) {
        TeamSlug owner = ownerOf(caller.principal(), command);
        AccessPolicy.requireRole(caller.principal(), owner, Role.MEMBER, () -> notYourTeam(caller.principal()));
        if (command.placement().cluster().isPresent()) {
            AccessPolicy.requirePlatformAdmin(caller.principal(), "naming the cluster of a new database");
        }
        return owner;
    }

    private Database createOnce(
            Caller caller, Database requested, Job provision, CreateDatabaseCommand command, boolean distinctName) {
        Optional<Database> source = command.source().map(clone -> readableSource(caller, clone));
        Optional<Backup> backup = command.backup().map(id -> restorableBackup(caller, id, requested.ownerTeam()));
        Plan plan = planOf(command);
        // Before placement: a refused request takes no place on a cluster.
        admission.admitDatabase(requested.ownerTeam(), plan, false);
        PlacementRequest placementRequest =
                source.map(from -> PlacementRequest.on(from.cluster().name())).orElse(command.placement());
        ClusterRef cluster = placement.place(placementRequest);
        Database database = requested.withPlan(plan.name()).placedOn(cluster, nameOn(requested, distinctName));
        try {
            databases.add(database);
        } catch (TeamNotFoundException e) {
            // The store's foreign key answers this, instead of a lookup of the team on every create.
            throw InvalidInputException.of("owner_team", "no team is named " + database.ownerTeam());
        } catch (ConcurrentChangeException e) {
            if (distinctName) {
                throw e;
            }
            throw new NameOnClusterTaken(); // rolls all of this back, the place included
        }
        jobs.enqueue(provision);
        command.source().ifPresent(clone -> snapshots.recordCloneSource(database.id(), clone));
        backup.ifPresent(from -> backups.recordRestoreSource(database.id(), from.id()));
        if (backup.isPresent()) {
            audit.databaseRestoredFromBackup(caller, database, backup.get());
        } else {
            audit.databaseCreated(caller, database, command.source());
        }
        events.created(database);
        return database;
    }

    /** The plan the request names, or the catalog's default; held (a shared lock) until the create commits. */
    private Plan planOf(CreateDatabaseCommand command) {
        if (command.plan().isEmpty()) {
            return plans.findDefault()
                    .orElseThrow(() -> InvalidInputException.of(
                            "plan",
                            "is required: the plan catalog has no default plan (GET /v1/plans lists the plans)"));
        }
        PlanName name = command.plan().get();
        return plans.findForUse(name)
                .orElseThrow(() -> InvalidInputException.of(
                        "plan", "no plan is named " + name + " (GET /v1/plans lists the plans)"));
    }

    /**
     * The database a clone is copied from: one the caller could read the data of (a member of its team), ready, and,
     * if a snapshot is named, that snapshot of it, ready too. The clone goes on its cluster.
     */
    private Database readableSource(Caller caller, CloneSource clone) {
        // Deleted ones too: a 409 (not ready), as GET still shows them.
        Database source = DatabaseAccess.findAny(databases, caller.principal(), clone.database(), Role.MEMBER);
        if (source.cluster() == null || source.status() != DatabaseStatus.READY) {
            throw new IllegalTransitionException("a clone is copied from a ready database; this one is "
                    + source.status().wireName());
        }
        clone.snapshot().ifPresent(id -> {
            Snapshot snapshot = snapshots
                    .find(id)
                    .filter(found -> found.isLive() && found.databaseId().equals(source.id()))
                    .orElseThrow(() -> new SnapshotNotFoundException(id.toString()));
            if (snapshot.status() != SnapshotStatus.READY) {
                throw new IllegalTransitionException("a clone is copied from a ready snapshot; this one is "
                        + snapshot.status().wireName());
            }
        });
        return source;
    }

    /**
     * The backup a restore starts from: a ready backup of the new database's own team (a team restores only its own
     * backups; another team's is "not found"), which the caller could read as a member. It may come from a database
     * since deleted or purged, and go to any cluster.
     */
    private Backup restorableBackup(Caller caller, BackupId id, TeamSlug owner) {
        Backup backup = backups.find(id)
                .filter(found -> found.isLive() && found.ownerTeam().equals(owner))
                .orElseThrow(() -> new BackupNotFoundException(id.toString()));
        AccessPolicy.requireRole(
                caller.principal(), backup.ownerTeam(), Role.MEMBER, () -> new BackupNotFoundException(id.toString()));
        if (backup.status() != BackupStatus.READY) {
            throw new IllegalTransitionException("a database is restored from a ready backup; this one is "
                    + backup.status().wireName());
        }
        return backup;
    }

    /** {@code <team>_<name>}, or its distinct form where that was found taken on the cluster. */
    private static NameOnCluster nameOn(Database database, boolean distinct) {
        return distinct
                ? NameOnCluster.distinct(database.ownerTeam(), database.name(), database.id())
                : NameOnCluster.derive(database.ownerTeam(), database.name(), database.id());
    }

    /** A team's key creates for its team; a platform admin must say which team. */
    private static TeamSlug ownerOf(Principal principal, CreateDatabaseCommand command) {
        Optional<TeamSlug> named = command.ownerTeam();
        if (named.isPresent()) {
            return named.get();
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

    /** A live database on the cluster has the name there already: the store refused the second. */
    private static final class NameOnClusterTaken extends RuntimeException {
        NameOnClusterTaken() {
            super(null, null, false, false);
        }
    }
}
