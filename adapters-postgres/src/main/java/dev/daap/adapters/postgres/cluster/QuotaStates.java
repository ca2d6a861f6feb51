package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.PLANS;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The quota states a probe's sizes settle: one UPDATE of the measured ready databases of a cluster, joined with their
 * plans, that changes only the rows on the wrong side of their storage limit. Rows that a concurrent change holds are
 * checked again once it commits (a move to another plan then no longer joins the plan read, and is left to the next
 * probe). The version is not touched: the state is DAAP's measurement, kept apart from the owner's changes.
 */
final class QuotaStates {
    private static final String OVER = QuotaState.OVER_STORAGE.wireName();
    private static final String OK = QuotaState.OK.wireName();

    private QuotaStates() {}

    static List<QuotaStateChange> settle(DSLContext dsl, ClusterId cluster, List<DatabaseSeen> measured) {
        String[] names = measured.stream().map(DatabaseSeen::name).toArray(String[]::new);
        Condition over = DATABASES.STORAGE_BYTES.gt(PLANS.STORAGE_LIMIT_BYTES);
        Field<String> settled = DSL.when(over, DSL.inline(OVER)).otherwise(DSL.inline(OK));
        return dsl.update(DATABASES)
                .set(DATABASES.QUOTA_STATE, settled)
                .from(PLANS)
                .where(PLANS.NAME.eq(DATABASES.PLAN))
                .and(DATABASES.CLUSTER_ID.eq(cluster.value()))
                .and(DATABASES.NAME_ON_CLUSTER.eq(DSL.any(DSL.val(names, SQLDataType.CLOB.array()))))
                .and(DATABASES.DELETED_AT.isNull())
                .and(DATABASES.STATUS.eq(DSL.inline(DatabaseStatus.READY.wireName())))
                .and(DATABASES.STORAGE_BYTES.isNotNull())
                .and(DATABASES.QUOTA_STATE.ne(settled))
                .returningResult(
                        DATABASES.ID,
                        DATABASES.NAME,
                        DATABASES.OWNER_TEAM,
                        DATABASES.STATUS,
                        DATABASES.VERSION,
                        DATABASES.PLAN,
                        DATABASES.STORAGE_BYTES,
                        PLANS.STORAGE_LIMIT_BYTES,
                        DATABASES.QUOTA_STATE)
                .fetch(QuotaStates::change);
    }

    private static QuotaStateChange change(Record row) {
        QuotaState to = QuotaState.fromWireName(row.get(DATABASES.QUOTA_STATE));
        return new QuotaStateChange(
                new DatabaseId(row.get(DATABASES.ID)),
                new DatabaseName(row.get(DATABASES.NAME)),
                new TeamSlug(row.get(DATABASES.OWNER_TEAM)),
                DatabaseStatus.fromWireName(row.get(DATABASES.STATUS)),
                row.get(DATABASES.VERSION),
                new PlanName(row.get(DATABASES.PLAN)),
                row.get(DATABASES.STORAGE_BYTES),
                row.get(PLANS.STORAGE_LIMIT_BYTES),
                to == QuotaState.OK ? QuotaState.OVER_STORAGE : QuotaState.OK,
                to);
    }
}
