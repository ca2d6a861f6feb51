package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.TeamNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The {@link Databases} port on PostgreSQL. Lists are keyset-paginated on (sort key, id) over their scope's rows (see
 * {@link DatabasePage}). GET by id, the list's page, the insert and the check of a name on a cluster run on every
 * request of their kind, as {@link HotStatement}s.
 */
public final class JooqDatabases implements Databases {
    static final String LIVE_NAME_CONSTRAINT = "databases_live_team_name_key";
    static final String OWNER_TEAM_CONSTRAINT = "databases_owner_team_fkey";
    static final String NAME_ON_CLUSTER_CONSTRAINT = "databases_live_name_on_cluster_key";
    private final JooqSession session;

    private final HotStatement<DatabaseId> live = HotStatement.of((dsl, id, binds) -> dsl.selectFrom(DATABASES)
            .where(DATABASES.ID.eq(binds.value(DATABASES.ID, DatabaseId::value)))
            .and(DATABASES.DELETED_AT.isNull()));

    final HotStatement<DatabaseQuery> page = DatabasePage.statement();
    /** Not hot (one run per export): only its jOOQ query is used, read through a cursor. */
    private final HotStatement<DatabaseQuery> everyRow = DatabasePage.everyRow();
    /** Rows per round trip of an export's cursor: memory stays at about this many rows whatever the total. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final HotStatement<DatabasesRecord> insert = HotStatement.insert(DATABASES);

    /** In every create that places; {@code limit 1} inline, as a hot statement's bind values are the caller's. */
    private final HotStatement<NameOnClusterQuery> nameOnCluster =
            HotStatement.of((dsl, query, binds) -> dsl.select(DATABASES.ID)
                    .from(DATABASES)
                    .where(DATABASES.CLUSTER_ID.eq(
                            binds.value(DATABASES.CLUSTER_ID, q -> q.cluster().value())))
                    .and(DATABASES.NAME_ON_CLUSTER.eq(
                            binds.value(DATABASES.NAME_ON_CLUSTER, q -> q.name().value())))
                    .and(DATABASES.DELETED_AT.isNull())
                    .limit(DSL.inline(1)));

    public JooqDatabases(JooqSession session) {
        this.session = session;
    }

    @Override
    public void add(Database database) {
        try {
            insert.execute(session, DatabaseRecordMapper.fill(new DatabasesRecord(), database));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new NameTakenException(
                        database.ownerTeam().value(), database.name().value());
            }
            if (StoreErrors.violates(e, OWNER_TEAM_CONSTRAINT)) {
                throw new TeamNotFoundException(database.ownerTeam().value());
            }
            if (StoreErrors.violates(e, NAME_ON_CLUSTER_CONSTRAINT)) {
                // Creates check the name before they insert; only one that raced another for it gets here.
                throw new ConcurrentChangeException("database", database.id().toString());
            }
            throw e;
        }
    }

    @Override
    public Optional<Database> find(DatabaseId id) {
        return live.fetch(session, id, DATABASES.fields()).stream()
                .findFirst()
                .map(DatabaseRecordMapper::toDomain); // one at most
    }

    @Override
    public Optional<Database> findIncludingDeleted(DatabaseId id) {
        return session.dsl()
                .selectFrom(DATABASES)
                .where(DATABASES.ID.eq(id.value()))
                .fetchOptional()
                .map(DatabaseRecordMapper::toDomain);
    }

    @Override
    public void update(Database changed, long expectedVersion) {
        DatabasesRecord values = DatabaseRecordMapper.fill(new DatabasesRecord(), changed);
        values.changed(DATABASES.ID, false);
        values.changed(DATABASES.CREATED_AT, false);
        values.changed(DATABASES.STORAGE_BYTES, false); // the probe's measurement, written without the version
        values.changed(DATABASES.BACKUP_DUE_AT, false); // the schedule's sweep moves it; see backupDueAt
        values.changed(
                DATABASES.QUOTA_STATE, false); // set by the probe beside the version, as the size; see QuotaState
        int updated;
        try {
            updated = session.dsl()
                    .update(DATABASES)
                    .set(values)
                    .set(DATABASES.BACKUP_DUE_AT, backupDueAt(changed))
                    .where(DATABASES.ID.eq(changed.id().value()).and(DATABASES.VERSION.eq(expectedVersion)))
                    .execute();
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new NameTakenException(
                        changed.ownerTeam().value(), changed.name().value());
            }
            if (StoreErrors.violates(e, NAME_ON_CLUSTER_CONSTRAINT)) {
                // A restore checks the name on the cluster first; only one that raced a create for it gets here.
                throw new ConcurrentChangeException("database", changed.id().toString());
            }
            throw e;
        }
        if (updated == 0) {
            throw new ConcurrentChangeException(changed.id().toString());
        }
    }

    @Override
    public void changeQuotaState(DatabaseId id, QuotaState state) {
        session.dsl()
                .update(DATABASES)
                .set(DATABASES.QUOTA_STATE, state.wireName())
                .where(DATABASES.ID.eq(id.value()))
                .and(DATABASES.DELETED_AT.isNull())
                .execute();
    }

    /**
     * When the next scheduled backup is due after an update: unchanged while the schedule is (the sweep keeps it), the
     * first slot after the change when the schedule is new or another, none without a policy. The comparison reads
     * the row as it was before the update.
     */
    private static Field<Instant> backupDueAt(Database changed) {
        BackupPolicy policy = changed.backupPolicy();
        if (policy == null) {
            return DSL.val(null, DATABASES.BACKUP_DUE_AT);
        }
        return DSL.when(DATABASES.BACKUP_SCHEDULE.eq(policy.schedule().wireName()), DATABASES.BACKUP_DUE_AT)
                .otherwise(DSL.val(policy.schedule().nextSlotAfter(changed.updatedAt()), DATABASES.BACKUP_DUE_AT));
    }

    /**
     * One statement read through a server-side cursor (pgjdbc fetches {@value #EXPORT_FETCH_SIZE} rows at a time,
     * which it does only inside a transaction: the caller's), so the export is one consistent snapshot.
     */
    @Override
    public void forEach(DatabaseQuery query, Consumer<Database> action) {
        @SuppressWarnings("unchecked")
        ResultQuery<Record> select = (ResultQuery<Record>) everyRow.query(session.dsl(), query);
        try (Cursor<Record> rows = select.fetchSize(EXPORT_FETCH_SIZE).fetchLazy()) {
            for (Record row : rows) {
                action.accept(DatabaseRecordMapper.toDomain(row));
            }
        }
    }

    @Override
    public Page<Database> list(DatabaseQuery query) {
        Result<Record> records = page.fetch(session, query, DatabasePage.returned(query));
        if (query.sort().byRank()) {
            // The token of a page by relevance holds the last row's rank, which only the store knows.
            return Page.fromLookahead(
                            records,
                            query.pageSize(),
                            last -> DatabaseCursor.afterRank(
                                            last.get(DatabasePage.RANK, Float.class),
                                            new DatabaseId(last.get(DATABASES.ID)),
                                            query)
                                    .toToken())
                    .map(DatabaseRecordMapper::toDomain);
        }
        List<Database> rows = records.map(DatabaseRecordMapper::toDomain);
        return Page.fromLookahead(
                rows,
                query.pageSize(),
                last -> DatabaseCursor.after(last, query).toToken());
    }

    @Override
    public List<Database> dueForPurge(Instant now, int limit) {
        return dueForPurge(session.dsl(), now, limit).fetch(DatabaseRecordMapper::toDomain);
    }

    /** Served by databases_purge_due_idx, a partial index of the deleted rows only. */
    static Select<DatabasesRecord> dueForPurge(DSLContext dsl, Instant now, int limit) {
        return dsl.selectFrom(DATABASES)
                .where(DATABASES.STATUS.eq(DatabaseStatus.DELETED.wireName()))
                .and(DATABASES.RESTORABLE_UNTIL.lt(now))
                .orderBy(DATABASES.RESTORABLE_UNTIL)
                .limit(limit)
                .forUpdate()
                .skipLocked();
    }

    @Override
    public boolean nameOnClusterTaken(ClusterId cluster, NameOnCluster name) {
        return nameOnCluster
                .fetch(session, new NameOnClusterQuery(cluster, name), DATABASES.ID)
                .isNotEmpty();
    }

    private record NameOnClusterQuery(ClusterId cluster, NameOnCluster name) {}

    @Override
    public int assignUnplaced(ClusterRef cluster) {
        return session.dsl()
                .update(DATABASES)
                .set(DATABASES.CLUSTER_ID, cluster.id().value())
                .set(DATABASES.CLUSTER_NAME, cluster.name().value())
                .set(DATABASES.VERSION, DATABASES.VERSION.plus(1L))
                .where(DATABASES.CLUSTER_ID.isNull())
                .execute();
    }

    @Override
    public void changeEndpoint(ClusterId cluster, ClientEndpoint.Resolved endpoint) {
        session.dsl()
                .update(DATABASES)
                .set(DATABASES.HOST, endpoint.host())
                .set(DATABASES.PORT, endpoint.port())
                .set(
                        DATABASES.SSLMODE,
                        endpoint.sslmode() == null ? null : endpoint.sslmode().wireName())
                .set(DATABASES.VERSION, DATABASES.VERSION.plus(1L))
                .where(DATABASES.CLUSTER_ID.eq(cluster.value()))
                .and(DATABASES.DELETED_AT.isNull())
                .and(DATABASES.HOST.isNotNull())
                .execute();
    }
}
