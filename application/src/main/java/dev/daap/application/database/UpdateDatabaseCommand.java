package dev.daap.application.database;

import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.DatabaseChanges.NewBackupPolicy;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner's change to a database, as a merge patch: an empty field is left as it is.
 *
 * @param labels       the keys to set and remove, merged by the use case into the labels it reads
 * @param precondition the versions the client made the change against ({@code If-Match}), or any
 */
public record UpdateDatabaseCommand(
        DatabaseId id,
        Optional<Purpose> purpose,
        Optional<LabelPatch> labels,
        Optional<TeamSlug> ownerTeam,
        Optional<Boolean> deletionProtection,
        Optional<PlanName> plan,
        Optional<NewBackupPolicy> backupPolicy,
        VersionPrecondition precondition) {
    public UpdateDatabaseCommand {
        backupPolicy = backupPolicy == null ? Optional.empty() : backupPolicy;
        plan = plan == null ? Optional.empty() : plan;
        deletionProtection = deletionProtection == null ? Optional.empty() : deletionProtection;
        Objects.requireNonNull(id, "id");
        purpose = purpose == null ? Optional.empty() : purpose;
        labels = labels == null ? Optional.empty() : labels;
        ownerTeam = ownerTeam == null ? Optional.empty() : ownerTeam;
        precondition = precondition == null ? VersionPrecondition.ANY : precondition;
    }

    /** Deletion protection left as it is. */
    public UpdateDatabaseCommand(
            DatabaseId id,
            Optional<Purpose> purpose,
            Optional<LabelPatch> labels,
            Optional<TeamSlug> ownerTeam,
            VersionPrecondition precondition) {
        this(id, purpose, labels, ownerTeam, Optional.empty(), Optional.empty(), Optional.empty(), precondition);
    }

    /** The plan left as it is. */
    public UpdateDatabaseCommand(
            DatabaseId id,
            Optional<Purpose> purpose,
            Optional<LabelPatch> labels,
            Optional<TeamSlug> ownerTeam,
            Optional<Boolean> deletionProtection,
            VersionPrecondition precondition) {
        this(id, purpose, labels, ownerTeam, deletionProtection, Optional.empty(), Optional.empty(), precondition);
    }

    /** The backup policy left as it is. */
    public UpdateDatabaseCommand(
            DatabaseId id,
            Optional<Purpose> purpose,
            Optional<LabelPatch> labels,
            Optional<TeamSlug> ownerTeam,
            Optional<Boolean> deletionProtection,
            Optional<PlanName> plan,
            VersionPrecondition precondition) {
        this(id, purpose, labels, ownerTeam, deletionProtection, plan, Optional.empty(), precondition);
    }

    public boolean changesNothing() {
        return purpose.isEmpty()
                && labels.isEmpty()
                && ownerTeam.isEmpty()
                && deletionProtection.isEmpty()
                && plan.isEmpty()
                && backupPolicy.isEmpty();
    }
}
