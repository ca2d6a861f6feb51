package dev.daap.adapters.http;

import dev.daap.domain.job.JobQueue;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.testing.DatabaseUsersContract;
import dev.daap.testing.InMemoryDatabaseUsers;
import dev.daap.testing.InMemoryJobQueue;
import dev.daap.testing.TestClock;
import java.time.Instant;

/** The fake that the HTTP tests use keeps the rules of the PostgreSQL adapter. */
class InMemoryDatabaseUsersContractTest extends DatabaseUsersContract {
    private final InMemoryJobQueue jobs = new InMemoryJobQueue(TestClock.at(Instant.parse("2026-12-03T17:00:00Z")));
    private final InMemoryDatabaseUsers users = new InMemoryDatabaseUsers(jobs);

    @Override
    protected DatabaseUsers users() {
        return users;
    }

    @Override
    protected JobQueue jobs() {
        return jobs;
    }
}
