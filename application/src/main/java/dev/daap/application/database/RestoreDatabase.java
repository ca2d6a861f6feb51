package dev.daap.application.database;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.plan.Admission;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.Plans;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * Brings a deleted database back within its window: in one transaction it becomes live again under its name (or
 * {@code newName}; {@code 409 name-taken} when its team has given that name meanwhile), status {@code restoring},
 * with a restore job that renames it back on its cluster and opens it to logins, and the audit entry and event. Its
 * row is updated against the version read, so of a restore and a purge that race, the one that commits first wins
 * and the other is refused.
 *
 * <p>Back in the live set, it is admitted like a new database of its plan: its team's quota and budget first.
 *
 * <p>Its name on the cluster stays the same unless another database took it meanwhile (or the name changes): then
 * it gets the name a new database of that name would get, and {@code connection} shows it.
 */
public final class RestoreDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobScheduler scheduler;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final Clock clock;
    private final Plans plans;
    private final Admission admission;

    public RestoreDatabase(
            Transactions transactions,
            Databases databases,
            JobScheduler scheduler,
            AuditTrail audit,
            DatabaseEvents events,
            Clock clock,
            Plans plans,
            Admission admission) {
        this.plans = plans;
        this.admission = admission;
        this.transactions = transactions;
        this.databases = databases;
        this.scheduler = scheduler;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Database execute(Caller caller, DatabaseId id, Optional<DatabaseName> newName) {
        return transactions.inTransaction(() -> {
            Database current = DatabaseAccess.findAny(databases, caller.principal(), id, Role.MEMBER);
            if (current.status() == DatabaseStatus.DELETED) {
                // Live again: it counts against its team's quota and budget like a new database on its plan.
                admission.admitDatabase(current.ownerTeam(), planOf(current), false);
            }
            DatabaseName name = newName.orElse(current.name());
            Job restore = scheduler.newJob(JobKind.RESTORE, id);
            Database restoring =
                    current.startRestoring(restore.id(), name, nameOnCluster(current, name), clock.instant());
            databases.update(restoring, current.version());
            scheduler.enqueue(restore);
            audit.databaseRestored(caller, current, restoring);
            events.statusChanged(current, restoring);
            return restoring;
        });
    }

    /** Its plan, held until the commit; one removed since (it was unused meanwhile) is priced as free. */
    private Plan planOf(Database database) {
        return plans.findForUse(database.plan())
                .orElseGet(() -> Plan.create(
                        database.plan(), "", 1, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO, false, clock.instant()));
    }

    private NameOnCluster nameOnCluster(Database current, DatabaseName name) {
        if (current.cluster() == null) {
            return current.nameOnCluster();
        }
        if (name.equals(current.name())
                && !databases.nameOnClusterTaken(current.cluster().id(), current.nameOnCluster())) {
            return current.nameOnCluster();
        }
        NameOnCluster plain = NameOnCluster.derive(current.ownerTeam(), name, current.id());
        if (!databases.nameOnClusterTaken(current.cluster().id(), plain)) {
            return plain;
        }
        return NameOnCluster.distinct(current.ownerTeam(), name, current.id());
    }
}
