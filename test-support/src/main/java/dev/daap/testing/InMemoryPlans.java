package dev.daap.testing;

import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.PlanInUseException;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.error.PlanTakenException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanChanges;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fake of the {@link Plans} port with the rules of the PostgreSQL store, pinned down by {@link PlansContract}. It
 * counts a plan's users among the databases {@code databases} supplies. Thread-safe.
 */
public final class InMemoryPlans implements Plans {
    private final TreeMap<String, Plan> plans = new TreeMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<List<Database>> databases;

    public InMemoryPlans(Supplier<List<Database>> databases) {
        this.databases = databases;
    }

    /** The catalog a fresh installation has (migration daap:0141), as of {@code now}. */
    public static InMemoryPlans withDefaultCatalog(Supplier<List<Database>> databases, Instant now) {
        InMemoryPlans plans = new InMemoryPlans(databases);
        defaultCatalog(now).forEach(plans::add);
        return plans;
    }

    /** small (the default), medium and large, as the migration inserts them. */
    public static List<Plan> defaultCatalog(Instant now) {
        return List.of(
                Plan.create(
                        PlanName.CATALOG_DEFAULT,
                        "For development and small services",
                        20,
                        10_000_000_000L,
                        5_000_000_000L,
                        new BigDecimal("15.00"),
                        new BigDecimal("0.1000"),
                        true,
                        now),
                Plan.create(
                        new PlanName("medium"),
                        "For production services",
                        100,
                        100_000_000_000L,
                        50_000_000_000L,
                        new BigDecimal("60.00"),
                        new BigDecimal("0.0800"),
                        false,
                        now),
                Plan.create(
                        new PlanName("large"),
                        "For busy production services",
                        400,
                        1_000_000_000_000L,
                        500_000_000_000L,
                        new BigDecimal("240.00"),
                        new BigDecimal("0.0500"),
                        false,
                        now));
    }

    @Override
    public void add(Plan plan) {
        locked(() -> {
            if (plans.containsKey(plan.name().value())) {
                throw new PlanTakenException(plan.name().value());
            }
            if (plan.isDefault()) {
                takeDefaultFromOthers(plan.name());
            }
            plans.put(plan.name().value(), plan);
            return null;
        });
    }

    @Override
    public Optional<Plan> find(PlanName name) {
        return locked(() -> Optional.ofNullable(plans.get(name.value())));
    }

    @Override
    public Optional<Plan> findForUse(PlanName name) {
        return find(name);
    }

    @Override
    public Optional<Plan> findDefault() {
        return locked(() -> plans.values().stream().filter(Plan::isDefault).findFirst());
    }

    @Override
    public List<Plan> list() {
        return locked(() -> plans.values().stream().limit(MAX_PLANS).toList());
    }

    @Override
    public int count() {
        return locked(plans::size);
    }

    @Override
    public void update(Plan changed, long expectedVersion) {
        locked(() -> {
            Plan stored = plans.get(changed.name().value());
            if (stored == null || stored.version() != expectedVersion) {
                throw new ConcurrentChangeException("plan", changed.name().value());
            }
            if (changed.isDefault()) {
                takeDefaultFromOthers(changed.name());
            }
            plans.put(changed.name().value(), changed);
            return null;
        });
    }

    @Override
    public void remove(PlanName name) {
        locked(() -> {
            if (!plans.containsKey(name.value())) {
                throw new PlanNotFoundException(name.value());
            }
            if (usedBy(name) > 0) {
                throw new PlanInUseException(name.value());
            }
            plans.remove(name.value());
            return null;
        });
    }

    @Override
    public long usedBy(PlanName name) {
        return databases.get().stream()
                .filter(database -> database.plan().equals(name) && database.status() != DatabaseStatus.PURGED)
                .count();
    }

    private void takeDefaultFromOthers(PlanName name) {
        plans.replaceAll((key, plan) -> plan.isDefault() && !plan.name().equals(name)
                ? plan.change(new PlanChanges(null, null, null, null, null, null, Optional.of(false)), plan.updatedAt())
                : plan);
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
