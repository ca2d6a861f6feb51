package dev.daap.testing;

import dev.daap.domain.database.Move;
import dev.daap.domain.database.Moves;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The moves of databases in memory, for use-case and HTTP tests. */
public final class InMemoryMoves implements Moves {
    private final Map<UUID, Move> rows = new ConcurrentHashMap<>();

    @Override
    public void add(Move move) {
        if (rows.putIfAbsent(move.operationId(), move) != null) {
            throw new IllegalStateException("a move of operation " + move.operationId() + " is stored already");
        }
    }

    @Override
    public Optional<Move> findByOperation(UUID operationId) {
        return Optional.ofNullable(rows.get(operationId));
    }

    @Override
    public void update(Move move) {
        rows.computeIfPresent(move.operationId(), (id, stored) -> move);
    }
}
