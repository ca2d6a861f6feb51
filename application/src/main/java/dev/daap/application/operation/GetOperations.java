package dev.daap.application.operation;

import dev.daap.application.job.JobSettings;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.OperationNotFoundException;
import dev.daap.domain.job.JobQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads operations: one by id, or the newest of one database. */
public final class GetOperations {
    public static final int MAX_PER_DATABASE = 100;
    private final JobQueue jobs;
    private final Databases databases;
    private final JobSettings settings;
    private final Clock clock;

    public GetOperations(JobQueue jobs, Databases databases, JobSettings settings, Clock clock) {
        this.jobs = jobs;
        this.databases = databases;
        this.settings = settings;
        this.clock = clock;
    }

    public Operation byId(UUID id) {
        Instant now = clock.instant();
        return jobs.find(id).map(job -> new Operation(job, job.isStuck(now, settings.stuckGrace())))
                .orElseThrow(() -> new OperationNotFoundException(id.toString()));
    }

    public List<Operation> ofDatabase(DatabaseId databaseId) {
        if (databases.find(databaseId).isEmpty()) {
            throw new DatabaseNotFoundException(databaseId.toString());
        }
        Instant now = clock.instant();
        return jobs.forDatabase(databaseId, MAX_PER_DATABASE).stream()
                .map(job -> new Operation(job, job.isStuck(now, settings.stuckGrace())))
                .toList();
    }
}
