package dev.daap.application.operation;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.database.DatabaseAccess;
import dev.daap.application.job.JobSettings;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.OperationNotFoundException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads operations: one by id, or the newest of one database. An operation belongs to its database's team, also
 * after the database is deleted, so a team can follow its deprovisioning to the end.
 */
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

    public Operation byId(Principal principal, UUID id) {
        Job job = jobs.find(id).orElseThrow(() -> new OperationNotFoundException(id.toString()));
        var owner = databases
                .findIncludingDeleted(job.databaseId())
                .orElseThrow(() -> new OperationNotFoundException(id.toString()))
                .ownerTeam();
        AccessPolicy.requireRole(principal, owner, Role.VIEWER, () -> new OperationNotFoundException(id.toString()));
        return new Operation(job, job.isStuck(clock.instant(), settings.stuckGrace()));
    }

    public List<Operation> ofDatabase(Principal principal, DatabaseId databaseId) {
        DatabaseAccess.find(databases, principal, databaseId, Role.VIEWER);
        Instant now = clock.instant();
        return jobs.forDatabase(databaseId, MAX_PER_DATABASE).stream()
                .map(job -> new Operation(job, job.isStuck(now, settings.stuckGrace())))
                .toList();
    }
}
