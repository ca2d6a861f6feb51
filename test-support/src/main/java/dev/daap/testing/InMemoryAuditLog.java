package dev.daap.testing;

import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A fake of the {@link AuditLog} port with the rules of the PostgreSQL log, pinned down by {@link AuditLogContract}:
 * append-only, newest first by id (compared as PostgreSQL compares uuids), snapshots checked and read back as
 * JSON. Thread-safe.
 */
public final class InMemoryAuditLog implements AuditLog {
    private static final Comparator<AuditEvent> NEWEST_FIRST =
            Comparator.comparing(AuditEvent::id, UuidOrder.UNSIGNED).reversed();

    private final List<AuditEvent> events = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads

    @Override
    public void append(AuditEvent event) {
        AuditEvent stored = new AuditEvent(
                event.id(),
                event.occurredAt(),
                event.actorKeyId(),
                event.actorTeam(),
                event.actorKind(),
                event.action(),
                event.resourceType(),
                event.resourceId(),
                event.team(),
                event.requestId(),
                event.clientAddress(),
                SnapshotValues.copy("before", event.before()),
                SnapshotValues.copy("after", event.after()));
        lock.lock();
        try {
            if (events.stream().anyMatch(other -> other.id().equals(event.id()))) {
                throw new IllegalStateException("duplicate primary key " + event.id());
            }
            events.add(stored);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Page<AuditEvent> list(AuditQuery query) {
        List<AuditEvent> matching;
        lock.lock();
        try {
            matching = events.stream()
                    .filter(matches(query))
                    .sorted(NEWEST_FIRST)
                    .limit(query.pageSize() + 1L)
                    .toList();
        } finally {
            lock.unlock();
        }
        return Page.fromLookahead(matching, query.pageSize(), AuditQuery::tokenAfter);
    }

    /** Everything appended, in order; for tests that check what a use case wrote. */
    public List<AuditEvent> all() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    private static Predicate<AuditEvent> matches(AuditQuery query) {
        Predicate<AuditEvent> all = event -> true;
        return all.and(event ->
                        query.team().map(team -> team.equals(event.team())).orElse(true))
                .and(event -> query.resourceType()
                        .map(type -> type.equals(event.resourceType()))
                        .orElse(true))
                .and(event -> query.resourceId()
                        .map(id -> id.equals(event.resourceId()))
                        .orElse(true))
                .and(event -> query.actorKeyId()
                        .map(actor -> actor.equals(event.actorKeyId()))
                        .orElse(true))
                .and(event -> query.action()
                        .map(action -> action.equals(event.action()))
                        .orElse(true))
                .and(event -> query.from()
                        .map(from -> !event.occurredAt().isBefore(from))
                        .orElse(true))
                .and(event ->
                        query.to().map(to -> event.occurredAt().isBefore(to)).orElse(true))
                .and(event -> query.before()
                        .map(before -> UuidOrder.UNSIGNED.compare(event.id(), before) < 0)
                        .orElse(true));
    }
}
