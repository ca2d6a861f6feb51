package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.TeamNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;

/**
 * The {@link Databases} port on PostgreSQL. Lists are keyset-paginated on (sort key, id) over live rows (see
 * {@link DatabasePage}). GET by id, the list's page and the insert run on every request of their kind, as
 * {@link HotStatement}s.
 */
public final class JooqDatabases implements Databases {
    static final String LIVE_NAME_CONSTRAINT = "databases_live_name_key";
    static final String OWNER_TEAM_CONSTRAINT = "databases_owner_team_fkey";
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

    public JooqDatabases(JooqSession session) {
        this.session = session;
    }

    @Override
    public void add(Database database) {
        try {
            insert.execute(session, DatabaseRecordMapper.fill(new DatabasesRecord(), database));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, LIVE_NAME_CONSTRAINT)) {
                throw new NameTakenException(database.name().value());
            }
            if (StoreErrors.violates(e, OWNER_TEAM_CONSTRAINT)) {
                throw new TeamNotFoundException(database.ownerTeam().value());
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
        values.changed(DATABASES.NAME, false); // immutable; never rewritten
        values.changed(DATABASES.CREATED_AT, false);
        int updated = session.dsl()
                .update(DATABASES)
                .set(values)
                .where(DATABASES.ID.eq(changed.id().value()).and(DATABASES.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            throw new ConcurrentChangeException(changed.id().toString());
        }
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
}
