package dev.daap.application.database;

import dev.daap.application.job.JobScheduler;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;

import java.time.Clock;

/**
 * A team asks for a database: the record (pending) and its provision job are stored in one transaction, so
 * there is never a record without a job to provision it, nor a job without its record.
 */
public final class CreateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobScheduler jobs;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateDatabase(Transactions transactions, Databases databases, JobScheduler jobs, IdGenerator ids,
                          Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
    }

    public Database execute(CreateDatabaseCommand command) {
        DatabaseId id = new DatabaseId(ids.newId());
        Job provision = jobs.newJob(JobKind.PROVISION, id);
        Database database = Database.requested(id, command.name(), command.ownerTeam(), command.purpose(),
                command.labels(), clock.instant()).withOperation(provision.id());
        return transactions.inTransaction(() -> {
            databases.add(database);
            jobs.enqueue(provision);
            return database;
        });
    }
}
