package dev.daap.application.audit;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.revision.DatabaseSettings;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionActor;
import dev.daap.domain.revision.Revisions;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.user.DatabaseUser;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the audit entry of each change, one method per kind of change. Call it inside the use case's transaction:
 * the entry is then stored exactly when the change is. Snapshots come from {@link AuditSnapshots}, which leaves
 * secrets out. The action and resource type strings below are what clients filter the log by: they never change.
 *
 * <p>A change to a database that changes its settings ({@link DatabaseSettings}) is also a {@link Revision}, written
 * here beside its entry: every audited change of a database passes by, so no use case can change a setting without
 * its revision, and a new setting needs only its line in {@link DatabaseSettings}.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final Revisions revisions;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditTrail(AuditLog log, Revisions revisions, IdGenerator ids, Clock clock) {
        this.log = log;
        this.revisions = revisions;
        this.ids = ids;
        this.clock = clock;
    }

    /** A team asked for a new database. */
    public void databaseCreated(Caller caller, Database created) {
        databaseCreated(caller, created, Optional.empty());
    }

    /** A create, with what a clone is copied from (nothing more for a database that is not a clone). */
    public void databaseCreated(Caller caller, Database created, Optional<CloneSource> source) {
        Map<String, Object> after = new LinkedHashMap<>(AuditSnapshots.of(created));
        source.ifPresent(clone -> after.put("source", AuditSnapshots.of(clone)));
        record(caller, "database.create", Resource.of(created), Map.of(), after);
        revise(caller, null, created);
    }

    public void snapshotCreated(Caller caller, Snapshot snapshot) {
        record(caller, "snapshot.create", Resource.of(snapshot), Map.of(), AuditSnapshots.of(snapshot));
    }

    public void snapshotDeleted(Caller caller, Snapshot before, Snapshot after) {
        record(caller, "snapshot.delete", Resource.of(after), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    /** A create whose contents come from a backup: the entry names it as the database's source. */
    public void databaseRestoredFromBackup(Caller caller, Database created, Backup backup) {
        Map<String, Object> after = new LinkedHashMap<>(AuditSnapshots.of(created));
        after.put("source", Map.of("backup_id", backup.id().toString()));
        record(caller, "database.create", Resource.of(created), Map.of(), after);
        revise(caller, null, created);
    }

    public void backupCreated(Caller caller, Backup backup) {
        record(caller, "backup.create", Resource.of(backup), Map.of(), AuditSnapshots.of(backup));
    }

    /** A client asked for a restore drill of the backup. */
    public void backupVerifyRequested(Caller caller, Backup before, Backup after) {
        record(caller, "backup.verify", Resource.of(after), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    public void backupDeleted(Caller caller, Backup before, Backup after) {
        record(caller, "backup.delete", Resource.of(after), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    /** A restore of {@code restored}; {@code replaced} is the snapshot that will keep the contents it replaces. */
    public void snapshotRestored(Caller caller, Snapshot restored, Snapshot replaced) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("restored", AuditSnapshots.of(restored));
        after.put("replaced_contents", AuditSnapshots.of(replaced));
        record(caller, "snapshot.restore", Resource.of(restored), Map.of(), after);
    }

    /** The owner changed purpose, labels or owner team; the entry belongs to the team that owned it before. */
    public void databaseUpdated(Caller caller, Database before, Database after) {
        recordDatabase(caller, "database.update", before, after);
    }

    /** The owner asked to delete it (it is now deleting). */
    public void databaseDeleted(Caller caller, Database before, Database after) {
        recordDatabase(caller, "database.delete", before, after);
    }

    /** The owner asked for a deleted database back (it is now restoring). */
    public void databaseRestored(Caller caller, Database before, Database after) {
        recordDatabase(caller, "database.restore", before, after);
    }

    /** A team admin asked to drop it for good now (it is now purging). */
    public void databasePurged(Caller caller, Database before, Database after) {
        recordDatabase(caller, "database.purge", before, after);
    }

    /** DAAP purges a deleted database whose window to be restored has passed. */
    public void databasePurgedBySystem(Database before, Database after) {
        log.append(new AuditEvent(
                ids.newId(),
                clock.instant(),
                null,
                null,
                ActorKind.DAAP,
                "database.purge",
                Resource.of(before).type(),
                Resource.of(before).id(),
                Resource.of(before).team(),
                "",
                "",
                AuditSnapshots.of(before),
                AuditSnapshots.of(after)));
        Revision.of(before, after, new RevisionActor(ActorKind.DAAP, null, null))
                .ifPresent(revisions::add);
    }

    /** The owner asked to move it to cluster {@code to} (it is now moving); the entry names the target. */
    public void databaseMoved(Caller caller, Database before, Database after, String to) {
        Map<String, Object> moving = new LinkedHashMap<>(AuditSnapshots.of(after));
        moving.put("move_to_cluster", to);
        record(caller, "database.move", Resource.of(before), AuditSnapshots.of(before), moving);
        revise(caller, before, after);
    }

    /**
     * DAAP moved a database across its plan's storage limit ({@code database.quota_state_change}): before and after
     * name its quota state, with its size and the limit; no revision, as the quota state is no setting of the owner's.
     */
    public void databaseQuotaStateChanged(QuotaStateChange change) {
        log.append(new AuditEvent(
                ids.newId(),
                clock.instant(),
                null,
                null,
                ActorKind.DAAP,
                "database.quota_state_change",
                "database",
                change.id().toString(),
                change.ownerTeam(),
                "",
                "",
                quotaState(change, change.from()),
                quotaState(change, change.to())));
    }

    private static Map<String, Object> quotaState(QuotaStateChange change, QuotaState state) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("quota_state", state.wireName());
        snapshot.put("plan", change.plan().value());
        snapshot.put("storage_bytes", change.storageBytes());
        snapshot.put("storage_limit_bytes", change.storageLimitBytes());
        return snapshot;
    }

    /** The owner tried a failed database again. */
    public void databaseRetried(Caller caller, Database before, Database after) {
        recordDatabase(caller, "database.retry", before, after);
    }

    /** Somebody read the password; the entry names the user, never the password. */
    public void credentialsRead(Caller caller, Database database) {
        record(caller, "credentials.read", Resource.of(database), Map.of(), username(database));
    }

    /** Somebody replaced the password; the entry names the user, never the password. */
    public void credentialsRotated(Caller caller, Database database) {
        record(caller, "credentials.rotate", Resource.of(database), Map.of(), username(database));
    }

    /** Somebody read the first owner's password (the database's credentials); the entry names the login. */
    public void credentialsRead(Caller caller, Database database, String login) {
        record(caller, "credentials.read", Resource.of(database), Map.of(), Map.of("username", login));
    }

    /** Somebody rotated the first owner's password (the database's credentials); the entry names the logins. */
    public void credentialsRotated(Caller caller, Database database, DatabaseUser before, DatabaseUser after) {
        record(caller, "credentials.rotate", Resource.of(database), logins(database, before), logins(database, after));
    }

    public void userCreated(Caller caller, Database database, DatabaseUser user) {
        record(caller, "user.create", Resource.of(database, user), Map.of(), AuditSnapshots.of(user));
    }

    public void userDeleted(Caller caller, Database database, DatabaseUser before, DatabaseUser after) {
        record(
                caller,
                "user.delete",
                Resource.of(database, before),
                AuditSnapshots.of(before),
                AuditSnapshots.of(after));
    }

    /** Somebody read a user's password; the entry names the login, never the password. */
    public void userCredentialsRead(Caller caller, Database database, DatabaseUser user) {
        record(caller, "user.credentials_read", Resource.of(database, user), Map.of(), logins(database, user));
    }

    public void userCredentialsRotated(Caller caller, Database database, DatabaseUser before, DatabaseUser after) {
        record(
                caller,
                "user.credentials_rotate",
                Resource.of(database, after),
                logins(database, before),
                logins(database, after));
    }

    public void userPreviousRevoked(Caller caller, Database database, DatabaseUser before, DatabaseUser after) {
        record(
                caller,
                "user.previous_login_revoke",
                Resource.of(database, after),
                logins(database, before),
                logins(database, after));
    }

    /** The user's logins by name and since when, never a password. */
    private static Map<String, Object> logins(Database database, DatabaseUser user) {
        Map<String, Object> logins = new LinkedHashMap<>(AuditSnapshots.of(user));
        logins.put("username", user.loginName(user.current(), database.nameOnCluster()));
        logins.put(
                "previous_username",
                user.previous()
                        .map(slot -> user.loginName(slot, database.nameOnCluster()))
                        .orElse(null));
        return logins;
    }

    /** A platform admin added a cluster to the fleet; never its admin URL. */
    public void clusterRegistered(Caller caller, Cluster cluster) {
        record(caller, "cluster.register", Resource.of(cluster), Map.of(), AuditSnapshots.of(cluster));
    }

    /** DAAP registered the default cluster at start-up, where it provisioned before there was a fleet. */
    public void clusterRegisteredBySystem(Cluster cluster) {
        recordWithoutKey(ActorKind.DAAP, "cluster.register", Resource.of(cluster), AuditSnapshots.of(cluster));
    }

    /** A platform admin changed a cluster; a replaced admin URL is noted as such, never shown. */
    public void clusterUpdated(Caller caller, Cluster before, Cluster after, boolean adminUrlReplaced) {
        Map<String, Object> snapshot = AuditSnapshots.of(after);
        if (adminUrlReplaced) {
            snapshot.put("admin_url_replaced", true);
        }
        record(caller, "cluster.update", Resource.of(before), AuditSnapshots.of(before), snapshot);
    }

    /** A platform admin removed an empty cluster. */
    public void clusterDeleted(Caller caller, Cluster before, Cluster after) {
        record(caller, "cluster.delete", Resource.of(before), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    public void planCreated(Caller caller, Plan plan) {
        record(caller, "plan.create", Resource.of(plan), Map.of(), AuditSnapshots.of(plan));
    }

    public void planUpdated(Caller caller, Plan before, Plan after) {
        record(caller, "plan.update", Resource.of(before), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    public void planDeleted(Caller caller, Plan before) {
        record(caller, "plan.delete", Resource.of(before), AuditSnapshots.of(before), Map.of());
    }

    /** A platform admin changed a team's quota or budget. */
    public void teamLimitsUpdated(Caller caller, Team before, Team after) {
        record(caller, "team.update", Resource.of(before), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    public void teamCreated(Caller caller, Team team) {
        record(caller, "team.create", Resource.of(team), Map.of(), AuditSnapshots.of(team));
    }

    public void apiKeyCreated(Caller caller, ApiKey key) {
        record(caller, "api_key.create", Resource.of(key), Map.of(), AuditSnapshots.of(key));
    }

    public void apiKeyRevoked(Caller caller, ApiKey before, ApiKey after) {
        record(caller, "api_key.revoke", Resource.of(before), AuditSnapshots.of(before), AuditSnapshots.of(after));
    }

    /** DAAP issued a key by itself (the first platform admin key at start-up): no key, request or address. */
    public void apiKeyCreatedBySystem(ApiKey key) {
        recordWithoutKey(ActorKind.DAAP, "api_key.create", Resource.of(key), AuditSnapshots.of(key));
    }

    /** An operator made a key at DAAP's command line, which acts on the database without an API key. */
    public void apiKeyCreatedByCommandLine(ApiKey key) {
        recordWithoutKey(ActorKind.CLI, "api_key.create", Resource.of(key), AuditSnapshots.of(key));
    }

    /** The entry of a change to a database, and its revision if it changed a setting. */
    private void recordDatabase(Caller caller, String action, Database before, Database after) {
        record(caller, action, Resource.of(before), AuditSnapshots.of(before), AuditSnapshots.of(after));
        revise(caller, before, after);
    }

    private void revise(Caller caller, Database before, Database after) {
        Principal actor = caller.principal();
        Revision.of(before, after, RevisionActor.apiKey(actor.keyId(), actor.team()))
                .ifPresent(revisions::add);
    }

    private void recordWithoutKey(ActorKind actor, String action, Resource resource, Map<String, Object> after) {
        log.append(new AuditEvent(
                ids.newId(),
                clock.instant(),
                null,
                null,
                actor,
                action,
                resource.type(),
                resource.id(),
                null,
                "",
                "",
                Map.of(),
                after));
    }

    private void record(
            Caller caller, String action, Resource resource, Map<String, Object> before, Map<String, Object> after) {
        Principal actor = caller.principal();
        log.append(new AuditEvent(
                ids.newId(),
                clock.instant(),
                actor.keyId(),
                actor.team(),
                ActorKind.API_KEY,
                action,
                resource.type(),
                resource.id(),
                resource.team(),
                caller.requestId(),
                caller.clientAddress(),
                before,
                after));
    }

    private static Map<String, Object> username(Database database) {
        return Map.of("username", database.connection().username());
    }

    /** What an entry is about; {@code team} is whose admins may read it, null for platform resources. */
    private record Resource(String type, String id, TeamSlug team) {
        static Resource of(Database database) {
            return new Resource("database", database.id().toString(), database.ownerTeam());
        }

        /** A user of a database: its team's admins read the entry. */
        static Resource of(Database database, DatabaseUser user) {
            return new Resource("database_user", user.id().toString(), database.ownerTeam());
        }

        static Resource of(Team team) {
            return new Resource("team", team.slug().value(), team.slug());
        }

        static Resource of(ApiKey key) {
            return new Resource("api_key", key.id().toString(), key.team());
        }

        static Resource of(Backup backup) {
            return new Resource("backup", backup.id().toString(), backup.ownerTeam());
        }

        static Resource of(Snapshot snapshot) {
            return new Resource("snapshot", snapshot.id().toString(), snapshot.ownerTeam());
        }

        /** Plans are platform resources too, named by their name. */
        static Resource of(Plan plan) {
            return new Resource("plan", plan.name().value(), null);
        }

        /** Clusters are platform resources, named by their name as the API names them. */
        static Resource of(Cluster cluster) {
            return new Resource("cluster", cluster.name().value(), null);
        }
    }
}
