package dev.daap.adapters.postgres.move;

import static dev.daap.adapters.postgres.generated.Tables.DATABASE_MOVES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.DatabaseMovesRecord;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.Moves;
import dev.daap.domain.database.NameOnCluster;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** The moves of databases in PostgreSQL, one row per move job. */
public final class JooqMoves implements Moves {
    private final JooqSession session;

    public JooqMoves(JooqSession session) {
        this.session = session;
    }

    @Override
    public void add(Move move) {
        session.dsl().insertInto(DATABASE_MOVES).set(toRecord(move)).execute();
    }

    @Override
    public Optional<Move> findByOperation(UUID operationId) {
        return session.dsl()
                .selectFrom(DATABASE_MOVES)
                .where(DATABASE_MOVES.OPERATION_ID.eq(operationId))
                .fetchOptional()
                .map(JooqMoves::toMove);
    }

    @Override
    public void update(Move move) {
        session.dsl()
                .update(DATABASE_MOVES)
                .set(DATABASE_MOVES.READ_ONLY_SINCE, move.readOnlySince())
                .set(DATABASE_MOVES.READ_ONLY_MS, move.readOnlyMs())
                .where(DATABASE_MOVES.OPERATION_ID.eq(move.operationId()))
                .execute();
    }

    private static DatabaseMovesRecord toRecord(Move move) {
        var record = new DatabaseMovesRecord();
        record.setOperationId(move.operationId());
        record.setDatabaseId(move.databaseId().value());
        record.setFromClusterId(move.from().id().value());
        record.setFromClusterName(move.from().name().value());
        record.setToClusterId(move.to().id().value());
        record.setToClusterName(move.to().name().value());
        record.setNameOnTarget(move.nameOnTarget().value());
        record.setLeftBehindId(move.leftBehind().value());
        record.setReadOnlySince(
                move.readOnlySince() == null ? null : move.readOnlySince().truncatedTo(ChronoUnit.MICROS));
        record.setReadOnlyMs(move.readOnlyMs());
        return record;
    }

    private static Move toMove(DatabaseMovesRecord record) {
        return new Move(
                record.getOperationId(),
                new DatabaseId(record.getDatabaseId()),
                new ClusterRef(new ClusterId(record.getFromClusterId()), new ClusterName(record.getFromClusterName())),
                new ClusterRef(new ClusterId(record.getToClusterId()), new ClusterName(record.getToClusterName())),
                new NameOnCluster(record.getNameOnTarget()),
                new DatabaseId(record.getLeftBehindId()),
                record.getReadOnlySince(),
                record.getReadOnlyMs());
    }
}
