package dev.daap.domain.database;

import java.util.Optional;
import java.util.UUID;

/** The record of each database move, by its operation (a secondary port; calls join the open transaction). */
public interface Moves {

    void add(Move move);

    Optional<Move> findByOperation(UUID operationId);

    /** Replaces the stored move of the same operation. */
    void update(Move move);
}
