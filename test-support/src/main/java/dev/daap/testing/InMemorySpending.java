package dev.daap.testing;

import dev.daap.domain.database.Database;
import dev.daap.domain.plan.Spending;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** A fake of the {@link Spending} port that reads the databases {@code databases} supplies (the in-memory store's). */
public final class InMemorySpending implements Spending {
    private final Supplier<List<Database>> databases;

    public InMemorySpending(Supplier<List<Database>> databases) {
        this.databases = databases;
    }

    @Override
    public long liveDatabases(TeamSlug team, long atMost) {
        return databases.get().stream()
                .filter(database -> database.ownerTeam().equals(team) && database.isLive())
                .limit(atMost)
                .count();
    }

    @Override
    public List<DatabaseUsage> usage(TeamSlug team, Instant from, Instant to) {
        return databases.get().stream()
                .filter(database -> database.ownerTeam().equals(team))
                .filter(database -> database.createdAt().isBefore(to))
                .filter(database ->
                        database.deletedAt() == null || database.deletedAt().isAfter(from))
                .map(database -> new DatabaseUsage(
                        database.plan(), database.storageBytes(), database.createdAt(), database.deletedAt()))
                .toList();
    }
}
