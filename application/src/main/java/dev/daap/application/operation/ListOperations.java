package dev.daap.application.operation;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.application.job.JobSettings;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.Moves;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The newest operations of one database of the caller's team (deleted ones too, as GET reads them), newest first. */
public final class ListOperations {
    public static final int MAX_PER_DATABASE = 100;
    private final JobQueue jobs;
    private final Databases databases;
    private final JobSettings settings;
    private final Clock clock;
    private final Moves moves;

    public ListOperations(JobQueue jobs, Databases databases, JobSettings settings, Clock clock, Moves moves) {
        this.moves = moves;
        this.jobs = jobs;
        this.databases = databases;
        this.settings = settings;
        this.clock = clock;
    }

    public List<Operation> execute(Principal principal, DatabaseId databaseId) {
        var database = DatabaseAccess.findAny(databases, principal, databaseId, Role.VIEWER); // deleted ones too
        var cluster = database.cluster() == null ? null : database.cluster().name();
        Instant now = clock.instant();
        return jobs.forDatabase(databaseId, MAX_PER_DATABASE).stream()
                .map(job -> new Operation(
                        job, job.isStuck(now, settings.stuckGrace()), cluster, Operation.moveOf(job, moves)))
                .toList();
    }
}
