package dev.daap.testing;

import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.error.TeamTakenException;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fake of the {@link Teams} port with the rules of the PostgreSQL store, pinned down by {@link TeamsContract}.
 * Slugs sort as Java strings, which for lowercase ASCII is PostgreSQL's order in the C collation. Thread-safe.
 */
public final class InMemoryTeams implements Teams {
    private final TreeMap<String, Team> teams = new TreeMap<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads

    @Override
    public void add(Team team) {
        lock.lock();
        try {
            if (teams.putIfAbsent(team.slug().value(), team) != null) {
                throw new TeamTakenException(team.slug().value());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Team> find(TeamSlug slug) {
        lock.lock();
        try {
            return Optional.ofNullable(teams.get(slug.value()));
        } finally {
            lock.unlock();
        }
    }

    /** No lock is needed here: the fake has no concurrent transactions to keep apart. */
    @Override
    public Optional<Team> lockForAdmission(TeamSlug slug) {
        return find(slug);
    }

    @Override
    public void updateLimits(Team team) {
        lock.lock();
        try {
            if (teams.replace(team.slug().value(), team) == null) {
                throw new TeamNotFoundException(team.slug().value());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Team> list(Optional<TeamSlug> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        lock.lock();
        try {
            var rest = after.map(slug -> teams.tailMap(slug.value(), false)).orElse(teams);
            return rest.values().stream().limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }
}
