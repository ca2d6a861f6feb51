package dev.daap.adapters.postgres.plan;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.PLANS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.PlansRecord;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.PlanInUseException;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.error.PlanTakenException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** The {@link Plans} port on PostgreSQL. */
public final class JooqPlans implements Plans {
    static final String PRIMARY_KEY = "plans_pkey";
    private final JooqSession session;

    public JooqPlans(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void add(Plan plan) {
        if (plan.isDefault()) {
            takeDefaultFromOthers(plan.name());
        }
        try {
            session.dsl().executeInsert(toRecord(new PlansRecord(), plan));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, PRIMARY_KEY)) {
                throw new PlanTakenException(plan.name().value());
            }
            throw e;
        }
    }

    @Override
    public Optional<Plan> find(PlanName name) {
        return session.dsl()
                .selectFrom(PLANS)
                .where(PLANS.NAME.eq(name.value()))
                .fetchOptional()
                .map(JooqPlans::toDomain);
    }

    @Override
    public Optional<Plan> findForUse(PlanName name) {
        return session.dsl()
                .selectFrom(PLANS)
                .where(PLANS.NAME.eq(name.value()))
                .forShare()
                .fetchOptional()
                .map(JooqPlans::toDomain);
    }

    @Override
    public Optional<Plan> findDefault() {
        return session.dsl()
                .selectFrom(PLANS)
                .where(PLANS.IS_DEFAULT)
                .forShare()
                .fetchOptional()
                .map(JooqPlans::toDomain);
    }

    @Override
    public List<Plan> list() {
        return session.dsl()
                .selectFrom(PLANS)
                .orderBy(PLANS.NAME)
                .limit(MAX_PLANS)
                .fetch(JooqPlans::toDomain);
    }

    @Override
    public int count() {
        return session.dsl().fetchCount(PLANS);
    }

    @Override
    public void update(Plan changed, long expectedVersion) {
        if (changed.isDefault()) {
            takeDefaultFromOthers(changed.name());
        }
        int updated = session.dsl()
                .update(PLANS)
                .set(toRecord(new PlansRecord(), changed))
                .where(PLANS.NAME.eq(changed.name().value()))
                .and(PLANS.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            throw new ConcurrentChangeException("plan", changed.name().value());
        }
    }

    @Override
    public void remove(PlanName name) {
        // The lock waits for creates that hold the plan (FOR SHARE) to commit, so the count below sees them.
        if (session.dsl()
                .selectFrom(PLANS)
                .where(PLANS.NAME.eq(name.value()))
                .forUpdate()
                .fetchOptional()
                .isEmpty()) {
            throw new PlanNotFoundException(name.value());
        }
        if (usedBy(name) > 0) {
            throw new PlanInUseException(name.value());
        }
        session.dsl().deleteFrom(PLANS).where(PLANS.NAME.eq(name.value())).execute();
    }

    @Override
    public long usedBy(PlanName name) {
        return session.dsl()
                .fetchCount(DATABASES, DATABASES.PLAN.eq(name.value()).and(DATABASES.STATUS.ne("purged")));
    }

    private void takeDefaultFromOthers(PlanName name) {
        session.dsl()
                .update(PLANS)
                .set(PLANS.IS_DEFAULT, false)
                .set(PLANS.VERSION, PLANS.VERSION.plus(1))
                .where(PLANS.IS_DEFAULT)
                .and(PLANS.NAME.ne(name.value()))
                .execute();
    }

    private static Plan toDomain(PlansRecord record) {
        return new Plan(
                new PlanName(record.getName()),
                record.getDescription(),
                record.getMaxConnections(),
                record.getStorageLimitBytes(),
                record.getIncludedStorageBytes(),
                record.getPricePerMonth(),
                record.getPricePerGbMonth(),
                record.getIsDefault(),
                record.getCreatedAt(),
                record.getUpdatedAt(),
                record.getVersion());
    }

    private static PlansRecord toRecord(PlansRecord record, Plan plan) {
        return record.setName(plan.name().value())
                .setDescription(plan.description())
                .setMaxConnections(plan.maxConnections())
                .setStorageLimitBytes(plan.storageLimitBytes())
                .setIncludedStorageBytes(plan.includedStorageBytes())
                .setPricePerMonth(plan.pricePerMonth())
                .setPricePerGbMonth(plan.pricePerGbMonth())
                .setIsDefault(plan.isDefault())
                .setCreatedAt(plan.createdAt())
                .setUpdatedAt(plan.updatedAt())
                .setVersion(plan.version());
    }
}
