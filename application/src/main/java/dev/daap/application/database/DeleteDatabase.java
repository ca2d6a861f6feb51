package dev.daap.application.database;

import dev.daap.application.job.JobSettings;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.VersionMismatchException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * Starts deleting a database: status {@code deleting} and a deprovision job, in one transaction. A worker removes
 * it from the target cluster and then marks it deleted (the name is free again). Asking twice is harmless.
 */
public final class DeleteDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final JobSettings jobSettings;
    private final IdGenerator ids;
    private final Clock clock;

    public DeleteDatabase(Transactions transactions, Databases databases, JobQueue jobs, JobSettings jobSettings,
                          IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.jobSettings = jobSettings;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param expectedVersion the version the client last saw; empty means delete whatever is current */
    public Database execute(DatabaseId id, OptionalLong expectedVersion) {
        return transactions.inTransaction(() -> {
            Database current = databases.find(id).orElseThrow(() -> new DatabaseNotFoundException(id.toString()));
            expectedVersion.ifPresent(expected -> {
                if (expected != current.version()) {
                    throw new VersionMismatchException(expected, current.version());
                }
            });
            if (current.status() == DatabaseStatus.DELETING) {
                return current;
            }
            Job deprovision = Job.schedule(ids.newId(), JobKind.DEPROVISION, id, jobSettings.maxAttempts(),
                    clock.instant());
            Database deleting = current.startDeleting(deprovision.id(), clock.instant());
            databases.update(deleting, current.version());
            jobs.enqueue(deprovision);
            return deleting;
        });
    }
}
