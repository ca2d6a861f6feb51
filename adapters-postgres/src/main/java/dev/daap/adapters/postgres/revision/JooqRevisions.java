package dev.daap.adapters.postgres.revision;

import static dev.daap.adapters.postgres.generated.Tables.DATABASE_REVISIONS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.DatabaseRevisionsRecord;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionQuery;
import dev.daap.domain.revision.Revisions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;

/**
 * The {@link Revisions} on PostgreSQL: an insert-only table (its triggers refuse UPDATE, DELETE and TRUNCATE)
 * keyed by (database, version), so a page is a backward range scan of the primary key from its position.
 */
public final class JooqRevisions implements Revisions {
    private static final String PRIMARY_KEY = "database_revisions_pkey";

    private final JooqSession session;
    /** Every create and every change of a setting appends: rendered once. */
    private final HotStatement<DatabaseRevisionsRecord> insert = HotStatement.insert(DATABASE_REVISIONS);

    public JooqRevisions(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void add(Revision revision) {
        DatabaseRevisionsRecord record = RevisionRecordMapper.toRecord(revision);
        try {
            insert.execute(session, record);
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, PRIMARY_KEY)) {
                // The database's version moved on under optimistic concurrency: only a racing writer gets here.
                throw new ConcurrentChangeException(
                        "database", revision.database().toString());
            }
            throw e;
        }
    }

    @Override
    public Page<Revision> list(RevisionQuery query) {
        List<Revision> rows = select(query).fetch(RevisionRecordMapper::toDomain);
        return Page.fromLookahead(rows, query.pageSize(), RevisionQuery::tokenAfter);
    }

    @Override
    public Optional<Revision> find(DatabaseId database, long version) {
        return session.dsl()
                .selectFrom(DATABASE_REVISIONS)
                .where(DATABASE_REVISIONS.DATABASE_ID.eq(database.value()))
                .and(DATABASE_REVISIONS.VERSION.eq(version))
                .fetchOptional(RevisionRecordMapper::toDomain);
    }

    /** The page query, also used by tests to check its plan. */
    Select<DatabaseRevisionsRecord> select(RevisionQuery query) {
        var condition = DATABASE_REVISIONS.DATABASE_ID.eq(query.database().value());
        if (query.beforeVersion().isPresent()) {
            condition = condition.and(
                    DATABASE_REVISIONS.VERSION.lt(query.beforeVersion().getAsLong()));
        }
        return session.dsl()
                .selectFrom(DATABASE_REVISIONS)
                .where(condition)
                .orderBy(DATABASE_REVISIONS.VERSION.desc())
                .limit(query.pageSize() + 1); // one extra row tells whether a next page exists
    }
}
