package dev.daap.domain.plan;

import java.util.List;
import java.util.Optional;

/** The catalog of plans (a secondary port). Calls join the transaction open on the calling thread. */
public interface Plans {
    /** At most this many plans: the catalog is one page, and its size a limit like any other. */
    int MAX_PLANS = 100;

    /**
     * Stores a new plan; throws {@code PlanTakenException} if one has its name. A new default plan takes the flag
     * from the one that had it, in the same transaction.
     */
    void add(Plan plan);

    Optional<Plan> find(PlanName name);

    /**
     * The plan, its row locked against change and removal (a shared lock) until the calling transaction ends: what
     * a create or a plan change of a database reads, so that the plan it names cannot go away before it commits.
     */
    Optional<Plan> findForUse(PlanName name);

    /** The default plan, if the catalog has one, locked as {@link #findForUse} locks it: a create reads it once. */
    Optional<Plan> findDefault();

    /** Every plan, by name. */
    List<Plan> list();

    int count();

    /**
     * Replaces the stored plan with {@code changed} if its version is still {@code expectedVersion}; throws
     * {@code ConcurrentChangeException} otherwise. A plan made the default takes the flag from the one that had it.
     */
    void update(Plan changed, long expectedVersion);

    /**
     * Removes the plan, locking it first (so a create that uses it finishes before); throws
     * {@code PlanInUseException} if a database that is not purged uses it.
     */
    void remove(PlanName name);

    /** How many databases that are not purged use the plan. */
    long usedBy(PlanName name);
}
