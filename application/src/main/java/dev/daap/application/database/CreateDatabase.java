package dev.daap.application.database;

import dev.daap.application.job.JobSettings;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;

import java.time.Clock;
import java.time.Instant;

/**
 * A team asks for a database: the record (pending) and its provision job are stored in one transaction, so
 * there is never a record without a job to provision it, nor a job without its record.
 */
public final class CreateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final JobSettings jobSettings;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateDatabase(Transactions transactions, Databases databases, JobQueue jobs, JobSettings jobSettings,
                          IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.jobSettings = jobSettings;
        this.ids = ids;
        this.clock = clock;
    }

    public Database execute(CreateDatabaseCommand command) {
        Instant now = clock.instant();
        DatabaseId id = new DatabaseId(ids.newId());
        Job provision = Job.schedule(ids.newId(), JobKind.PROVISION, id, jobSettings.maxAttempts(), now);
        Database database = Database.requested(id, command.name(), command.ownerTeam(), command.purpose(),
                command.labels(), now).withOperation(provision.id());
        return transactions.inTransaction(() -> {
            databases.add(database);
            jobs.enqueue(provision);
            return database;
        });
    }
}
