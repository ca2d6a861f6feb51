package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.PLANS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.database.QuotaStates;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link QuotaStates} on PostgreSQL: one UPDATE of the cluster's measured ready databases, joined with their
 * plans and the measured sizes (names and sizes travel as two arrays, unnested side by side), that changes only the
 * rows on the wrong side of their storage limit. Rows a concurrent change holds are checked again once it commits (a
 * database that moved to another plan meanwhile no longer joins the plan read, and is left to the next probe). The
 * version is not touched. The probe calls it before it stores the sizes: so it locks database rows before the
 * cluster's, the order every other writer of both takes.
 */
public final class JooqQuotaStates implements QuotaStates {
    private static final String OVER = QuotaState.OVER_STORAGE.wireName();
    private static final String OK = QuotaState.OK.wireName();
    private static final Field<String> SIZE_NAME = DSL.field(DSL.name("sizes", "name"), String.class);
    private static final Field<Long> SIZE_BYTES = DSL.field(DSL.name("sizes", "bytes"), Long.class);
    private final JooqSession session;

    public JooqQuotaStates(JooqSession session) {
        this.session = session;
    }

    @Override
    public List<QuotaStateChange> settle(ClusterId cluster, List<DatabaseSeen> measured) {
        List<DatabaseSeen> sized =
                measured.stream().filter(seen -> seen.sizeBytes() != null).toList();
        if (sized.isEmpty()) {
            return List.of();
        }
        Table<?> sizes = DSL.table(
                        "unnest({0}, {1})",
                        DSL.val(
                                sized.stream().map(DatabaseSeen::name).toArray(String[]::new),
                                SQLDataType.CLOB.array()),
                        DSL.val(
                                sized.stream().map(DatabaseSeen::sizeBytes).toArray(Long[]::new),
                                SQLDataType.BIGINT.array()))
                .as("sizes", "name", "bytes");
        Condition over = SIZE_BYTES.gt(PLANS.STORAGE_LIMIT_BYTES);
        Field<String> settled = DSL.when(over, DSL.inline(OVER)).otherwise(DSL.inline(OK));
        return session.dsl()
                .update(DATABASES)
                .set(DATABASES.QUOTA_STATE, settled)
                .from(PLANS, sizes)
                .where(PLANS.NAME.eq(DATABASES.PLAN))
                .and(DATABASES.CLUSTER_ID.eq(cluster.value()))
                .and(DATABASES.NAME_ON_CLUSTER.eq(SIZE_NAME))
                .and(DATABASES.DELETED_AT.isNull())
                .and(DATABASES.STATUS.eq(DSL.inline(DatabaseStatus.READY.wireName())))
                .and(DATABASES.QUOTA_STATE.ne(settled))
                .returningResult(
                        DATABASES.ID,
                        DATABASES.NAME,
                        DATABASES.OWNER_TEAM,
                        DATABASES.STATUS,
                        DATABASES.VERSION,
                        DATABASES.PLAN,
                        SIZE_BYTES,
                        PLANS.STORAGE_LIMIT_BYTES,
                        DATABASES.QUOTA_STATE)
                .fetch(JooqQuotaStates::change);
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
                row.get(SIZE_BYTES),
                row.get(PLANS.STORAGE_LIMIT_BYTES),
                to == QuotaState.OK ? QuotaState.OVER_STORAGE : QuotaState.OK,
                to);
    }
}
