package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.Moves;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.AlreadyOnClusterException;
import dev.daap.domain.error.BackupUnavailableException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Clock;

/**
 * A team moves a ready database to another cluster: in one transaction placement takes a place on the target (as a
 * create does, never the database's own cluster), the database becomes {@code moving}, and its move (target, name
 * there, the id its old copy will have), its {@code move} job, the audit entry and the event are stored. The job does
 * the rest (see {@code MoveToCluster}). Its team's quota and budget are unchanged: same team, same plan, one live
 * database before and after.
 *
 * <p>Refused: a database that is not ready ({@code 409 illegal-transition}), one with snapshots (they live on its
 * cluster), the cluster it is on ({@code 409 already-on-cluster}), a cluster named by a team's key ({@code 403}), a
 * cluster without {@code pg_dump} that fits ({@code 409 backup-unavailable}), and no cluster that fits ({@code 409
 * no-capacity}).
 */
public final class MoveDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final Clusters clusters;
    private final ClusterPlacement placement;
    private final Moves moves;
    private final Snapshots snapshots;
    private final BackupTools tools;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public MoveDatabase(
            Transactions transactions,
            Databases databases,
            Clusters clusters,
            Moves moves,
            Snapshots snapshots,
            BackupTools tools,
            JobScheduler jobs,
            AuditTrail audit,
            DatabaseEvents events,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.clusters = clusters;
        this.placement = new ClusterPlacement(clusters);
        this.moves = moves;
        this.snapshots = snapshots;
        this.tools = tools;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** The move asked for: its job (the operation) on the cluster it leaves, and the move as stored. */
    public record Started(Job job, ClusterName cluster, Move move) {}

    public Started execute(Caller caller, DatabaseId id, MoveDatabaseCommand command) {
        if (command.placement().cluster().isPresent()) {
            AccessPolicy.requirePlatformAdmin(caller.principal(), "naming the cluster a database moves to");
        }
        return transactions.inTransaction(() -> {
            // Deleted ones too: refused below as not ready (409), not as missing (404), since GET shows them.
            Database current = DatabaseAccess.findAny(databases, caller.principal(), id, Role.MEMBER);
            if (current.status() != DatabaseStatus.READY || current.cluster() == null) {
                throw new IllegalTransitionException("only a ready database can be moved; this one is "
                        + current.status().wireName());
            }
            ClusterRef from = current.cluster();
            if (command.placement().cluster().filter(from.name()::equals).isPresent()) {
                throw new AlreadyOnClusterException(id.toString(), from.name().value());
            }
            if (!snapshots.liveOf(id).isEmpty()) {
                throw new IllegalTransitionException("a database with snapshots cannot be moved: they are copies on"
                        + " its cluster and would not follow it; delete them first (a backup does follow it)");
            }
            requireTools(from);
            ClusterRef to = placement.place(command.placement().excluding(from.name()));
            Job job = jobs.newJob(JobKind.MOVE, id);
            Database moving = current.startMoving(job.id(), clock.instant());
            databases.update(moving, current.version());
            Move move = Move.planned(job.id(), id, from, to, nameOnTarget(current, to), new DatabaseId(ids.newId()));
            moves.add(move);
            jobs.enqueue(job);
            audit.databaseMoved(caller, current, moving, to.name().value());
            events.statusChanged(current, moving);
            return new Started(job, from.name(), move);
        });
    }

    /** pg_dump must be of the source's major version or newer, as for a backup. */
    private void requireTools(ClusterRef from) {
        Cluster cluster = clusters.find(from.id())
                .orElseThrow(() ->
                        new IllegalTransitionException("the cluster of this database was removed; it cannot be moved"));
        BackupTools.ToolCheck check = tools.check(cluster.health().serverVersion());
        if (!check.available()) {
            throw new BackupUnavailableException(
                    "databases of cluster " + cluster.name() + " cannot be moved: " + check.detail());
        }
    }

    /** Its name on its cluster, unless a live database has it on the target: then the distinct form of it. */
    private NameOnCluster nameOnTarget(Database database, ClusterRef to) {
        if (!databases.nameOnClusterTaken(to.id(), database.nameOnCluster())) {
            return database.nameOnCluster();
        }
        return NameOnCluster.distinct(database.ownerTeam(), database.name(), database.id());
    }
}
