package dev.daap.domain.database;

import dev.daap.domain.common.Labels;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.util.Optional;

/** What an owner may change after creation; an empty field is left as it is. The name is immutable. */
public record DatabaseChanges(
        Optional<Purpose> purpose,
        Optional<Labels> labels,
        Optional<TeamSlug> ownerTeam,
        Optional<Boolean> deletionProtection,
        Optional<PlanName> plan,
        Optional<NewBackupPolicy> backupPolicy) {
    public DatabaseChanges {
        backupPolicy = backupPolicy == null ? Optional.empty() : backupPolicy;
        plan = plan == null ? Optional.empty() : plan;
        purpose = purpose == null ? Optional.empty() : purpose;
        labels = labels == null ? Optional.empty() : labels;
        ownerTeam = ownerTeam == null ? Optional.empty() : ownerTeam;
        deletionProtection = deletionProtection == null ? Optional.empty() : deletionProtection;
    }

    /** Deletion protection left as it is. */
    public DatabaseChanges(Optional<Purpose> purpose, Optional<Labels> labels, Optional<TeamSlug> ownerTeam) {
        this(purpose, labels, ownerTeam, Optional.empty());
    }

    /** The plan left as it is. */
    public DatabaseChanges(
            Optional<Purpose> purpose,
            Optional<Labels> labels,
            Optional<TeamSlug> ownerTeam,
            Optional<Boolean> deletionProtection) {
        this(purpose, labels, ownerTeam, deletionProtection, Optional.empty());
    }

    /** The backup policy left as it is. */
    public DatabaseChanges(
            Optional<Purpose> purpose,
            Optional<Labels> labels,
            Optional<TeamSlug> ownerTeam,
            Optional<Boolean> deletionProtection,
            Optional<PlanName> plan) {
        this(purpose, labels, ownerTeam, deletionProtection, plan, Optional.empty());
    }

    /** A change of the backup policy: to {@code policy}, or with null to none. */
    public record NewBackupPolicy(BackupPolicy policy) {
        /** The policy {@code change} gives (which may be none: null), or {@code otherwise} when there is no change. */
        public static BackupPolicy or(Optional<NewBackupPolicy> change, BackupPolicy otherwise) {
            return change.isPresent() ? change.get().policy() : otherwise;
        }
    }
}
