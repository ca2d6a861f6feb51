package dev.daap.application.database;

import dev.daap.domain.backup.BackupId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.DatabaseChanges.NewBackupPolicy;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.team.TeamSlug;
import java.util.Map;
import java.util.Optional;

/**
 * A validated request for a new database. Build it with {@link #of}, which reports every bad field at once.
 *
 * @param ownerTeam empty: the team of the caller's key
 * @param placement where it may go: a region and labels its cluster must have, or one cluster by name
 * @param source    for a clone: the database (or its snapshot) it is copied from; it then goes on that cluster
 * @param deletionProtection refuse deletion until it is turned off
 * @param backup    for a restore: the backup whose contents it starts with; it goes where placement says
 * @param plan      its plan; empty: the catalog's default
 * @param backupPolicy its scheduled backups (a policy, or none); empty: the platform's default
 */
public record CreateDatabaseCommand(
        DatabaseName name,
        Optional<TeamSlug> ownerTeam,
        Purpose purpose,
        Labels labels,
        PlacementRequest placement,
        Optional<CloneSource> source,
        boolean deletionProtection,
        Optional<BackupId> backup,
        Optional<PlanName> plan,
        Optional<NewBackupPolicy> backupPolicy) {

    public CreateDatabaseCommand {
        backupPolicy = backupPolicy == null ? Optional.empty() : backupPolicy;
    }

    /** What a clone is copied from, or the backup a restore starts from, as the request says it; null: neither. */
    public record Source(String databaseId, String snapshotId, String backupId) {
        public Source(String databaseId, String snapshotId) {
            this(databaseId, snapshotId, null);
        }
    }

    /** The same request, with deletion protection on or off (null: off, the default). */
    public CreateDatabaseCommand withDeletionProtection(Boolean protect) {
        return new CreateDatabaseCommand(
                name,
                ownerTeam,
                purpose,
                labels,
                placement,
                source,
                Boolean.TRUE.equals(protect),
                backup,
                plan,
                backupPolicy);
    }

    /** The same request on the plan named {@code name} (null: the catalog's default); a bad name is a 422. */
    public CreateDatabaseCommand withPlan(String name) {
        var validation = new Validation();
        PlanName named = validation.optionalField("plan", name, PlanName::new);
        validation.throwIfInvalid();
        return new CreateDatabaseCommand(
                this.name,
                ownerTeam,
                purpose,
                labels,
                placement,
                source,
                deletionProtection,
                backup,
                Optional.ofNullable(named),
                backupPolicy);
    }

    /** The same request with {@code policy} for its scheduled backups (null: none, rather than the default). */
    public CreateDatabaseCommand withBackupPolicy(BackupPolicy policy) {
        return new CreateDatabaseCommand(
                name,
                ownerTeam,
                purpose,
                labels,
                placement,
                source,
                deletionProtection,
                backup,
                plan,
                Optional.of(new NewBackupPolicy(policy)));
    }

    /** Where the request says a database may go; every field null: anywhere. */
    public record Placement(String region, Map<String, String> labels, String cluster) {
        public static final Placement ANYWHERE = new Placement(null, null, null);
    }

    public static CreateDatabaseCommand of(String name, String ownerTeam, String purpose, Map<String, String> labels) {
        return of(name, ownerTeam, purpose, labels, Placement.ANYWHERE);
    }

    public static CreateDatabaseCommand of(
            String name, String ownerTeam, String purpose, Map<String, String> labels, Placement placement) {
        return of(name, ownerTeam, purpose, labels, placement, null);
    }

    public static CreateDatabaseCommand of(
            String name,
            String ownerTeam,
            String purpose,
            Map<String, String> labels,
            Placement placement,
            Source source) {
        var validation = new Validation();
        var validName = validation.field("name", () -> DatabaseName.forNewDatabase(name));
        var validTeam = validation.optionalField("owner_team", ownerTeam, TeamSlug::new);
        var validPurpose = validation.field("purpose", () -> new Purpose(purpose));
        var validLabels = labels == null ? Labels.NONE : validation.field("labels", () -> new Labels(labels));
        var region = validation.optionalField("placement.region", placement.region(), Region::new);
        var placementLabels = validation.optionalField("placement.labels", placement.labels(), Labels::new);
        var cluster = validation.optionalField("cluster", placement.cluster(), ClusterName::new);
        if (cluster != null && (placement.region() != null || placement.labels() != null)) {
            validation.fail("cluster", "names the cluster itself: leave placement out, or leave cluster out");
        }
        CloneSource clone = null;
        BackupId backup = null;
        if (source != null && source.backupId() != null) {
            backup = validation.field("source.backup_id", () -> BackupId.parse(source.backupId()));
            if (source.databaseId() != null || source.snapshotId() != null) {
                validation.fail("source", "names a backup to restore or a database to clone, not both");
            }
        } else if (source != null) {
            var database = validation.field("source.database_id", () -> DatabaseId.parse(source.databaseId()));
            var snapshot = validation.optionalField("source.snapshot_id", source.snapshotId(), SnapshotId::parse);
            if (placement.region() != null || placement.labels() != null || placement.cluster() != null) {
                validation.fail("source", "a clone lives on its source's cluster: leave placement and cluster out");
            }
            clone = database == null ? null : new CloneSource(database, Optional.ofNullable(snapshot));
        }
        validation.throwIfInvalid();
        return new CreateDatabaseCommand(
                validName,
                Optional.ofNullable(validTeam),
                validPurpose,
                validLabels,
                new PlacementRequest(Optional.ofNullable(region), placementLabels, Optional.ofNullable(cluster)),
                Optional.ofNullable(clone),
                false,
                Optional.ofNullable(backup),
                Optional.empty(),
                Optional.empty());
    }
}
