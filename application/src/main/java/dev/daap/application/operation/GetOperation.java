package dev.daap.application.operation;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.job.JobSettings;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.Moves;
import dev.daap.domain.error.OperationNotFoundException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.util.UUID;

/**
 * Reads one operation by id. An operation belongs to its database's team, also after the database is deleted, so a
 * team can follow its deprovisioning to the end; another team's is "not found".
 */
public final class GetOperation {
    private final JobQueue jobs;
    private final Databases databases;
    private final JobSettings settings;
    private final Clock clock;
    private final Moves moves;

    public GetOperation(JobQueue jobs, Databases databases, JobSettings settings, Clock clock, Moves moves) {
        this.moves = moves;
        this.jobs = jobs;
        this.databases = databases;
        this.settings = settings;
        this.clock = clock;
    }

    public Operation execute(Principal principal, UUID id) {
        Job job = jobs.find(id).orElseThrow(() -> new OperationNotFoundException(id.toString()));
        var database = databases
                .findIncludingDeleted(job.databaseId())
                .orElseThrow(() -> new OperationNotFoundException(id.toString()));
        AccessPolicy.requireRole(
                principal, database.ownerTeam(), Role.VIEWER, () -> new OperationNotFoundException(id.toString()));
        var cluster = database.cluster() == null ? null : database.cluster().name();
        return new Operation(
                job, job.isStuck(clock.instant(), settings.stuckGrace()), cluster, Operation.moveOf(job, moves));
    }
}
