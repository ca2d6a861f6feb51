package dev.daap.testing;

import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionQuery;
import dev.daap.domain.revision.Revisions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fake of the {@link Revisions} port with the rules of the PostgreSQL table, pinned down by
 * {@link RevisionsContract}: append-only, one revision per (database, version), newest first. Thread-safe.
 */
public final class InMemoryRevisions implements Revisions {
    private final List<Revision> revisions = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads

    @Override
    public void add(Revision revision) {
        lock.lock();
        try {
            if (find(revision.database(), revision.version()).isPresent()) {
                throw new ConcurrentChangeException(
                        "database", revision.database().toString());
            }
            revisions.add(revision);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Page<Revision> list(RevisionQuery query) {
        lock.lock();
        try {
            List<Revision> rows = revisions.stream()
                    .filter(revision -> revision.database().equals(query.database()))
                    .filter(revision -> query.beforeVersion().isEmpty()
                            || revision.version() < query.beforeVersion().getAsLong())
                    .sorted(Comparator.comparingLong(Revision::version).reversed())
                    .limit(query.pageSize() + 1L)
                    .toList();
            return Page.fromLookahead(rows, query.pageSize(), RevisionQuery::tokenAfter);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Revision> find(DatabaseId database, long version) {
        lock.lock();
        try {
            return revisions.stream()
                    .filter(revision -> revision.database().equals(database) && revision.version() == version)
                    .findFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Every revision of every database, oldest first: for tests that check what was written. */
    public List<Revision> all() {
        lock.lock();
        try {
            return List.copyOf(revisions);
        } finally {
            lock.unlock();
        }
    }
}
