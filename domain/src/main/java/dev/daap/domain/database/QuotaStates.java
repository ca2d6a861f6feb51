package dev.daap.domain.database;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.DatabaseSeen;
import java.util.List;

/**
 * Settles databases' quota states from what the fleet's probe measured (a secondary port). Calls join the transaction
 * open on the calling thread.
 */
public interface QuotaStates {

    /**
     * In one statement, for the ready databases of {@code cluster} among {@code measured} whose size was read:
     * {@code ok} ones measured above their plan's storage limit become {@code over_storage}, {@code over_storage} ones
     * at or below it become {@code ok}. Their version stays as it was (see {@link QuotaState}). Call it before the
     * sizes are stored, as it reads them from {@code measured}.
     *
     * @return the databases whose quota state changed, for their events, audit entries and jobs
     */
    List<QuotaStateChange> settle(ClusterId cluster, List<DatabaseSeen> measured);
}
