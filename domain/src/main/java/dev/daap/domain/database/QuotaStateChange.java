package dev.daap.domain.database;

import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.util.Objects;

/**
 * A database that crossed its plan's storage limit as the probe measured it: its quota state moved from {@code from}
 * to {@code to}. Carries what its event and audit entry say, as the row was after the change.
 *
 * @param version           the database's version, which the change leaves as it was (see {@link QuotaState})
 * @param storageBytes      its size as measured
 * @param storageLimitBytes its plan's storage limit
 */
public record QuotaStateChange(
        DatabaseId id,
        DatabaseName name,
        TeamSlug ownerTeam,
        DatabaseStatus status,
        long version,
        PlanName plan,
        long storageBytes,
        long storageLimitBytes,
        QuotaState from,
        QuotaState to) {

    public QuotaStateChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("a change of quota state changes it");
        }
    }
}
