package dev.daap.domain.database;

import dev.daap.domain.cluster.ClusterRef;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A database's move to another cluster, as its move job (the operation {@code operationId}) does it and records it.
 *
 * @param from           the cluster it is on when the move starts, where its old copy stays behind
 * @param to             the cluster it goes to (its place there taken when the move was asked for)
 * @param nameOnTarget   its database's and role's name there ({@code <team>_<name>}, or the distinct form if taken)
 * @param leftBehind     the id of the deleted database that the old copy on {@code from} becomes
 * @param readOnlySince  when the copy on {@code from} was made read-only; null until then
 * @param readOnlyMs     how long it was read-only before clients were switched to {@code to}; null until switched
 */
public record Move(
        UUID operationId,
        DatabaseId databaseId,
        ClusterRef from,
        ClusterRef to,
        NameOnCluster nameOnTarget,
        DatabaseId leftBehind,
        Instant readOnlySince,
        Long readOnlyMs) {

    public Move {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(nameOnTarget, "nameOnTarget");
        Objects.requireNonNull(leftBehind, "leftBehind");
    }

    /** A move asked for now: nothing done yet. */
    public static Move planned(
            UUID operationId,
            DatabaseId databaseId,
            ClusterRef from,
            ClusterRef to,
            NameOnCluster nameOnTarget,
            DatabaseId leftBehind) {
        return new Move(operationId, databaseId, from, to, nameOnTarget, leftBehind, null, null);
    }

    /** The same move again under a retry's new operation, as far as it had come. */
    public Move retriedAs(UUID retry) {
        return new Move(retry, databaseId, from, to, nameOnTarget, leftBehind, readOnlySince, readOnlyMs);
    }

    /** The old copy went read-only at {@code at} (kept from the first time, when a retry does it again). */
    public Move readOnlyAt(Instant at) {
        return readOnlySince != null
                ? this
                : new Move(operationId, databaseId, from, to, nameOnTarget, leftBehind, at, readOnlyMs);
    }

    /** Clients were switched to the new copy at {@code at}. */
    public Move switchedAt(Instant at) {
        long ms = readOnlySince == null ? 0 : Math.max(0, at.toEpochMilli() - readOnlySince.toEpochMilli());
        return new Move(operationId, databaseId, from, to, nameOnTarget, leftBehind, readOnlySince, ms);
    }
}
