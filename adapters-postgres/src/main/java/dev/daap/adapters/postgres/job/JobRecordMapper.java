package dev.daap.adapters.postgres.job;

import dev.daap.adapters.postgres.generated.tables.records.JobsRecord;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;

/** Maps between the generated jobs record and the domain's {@link Job}. */
final class JobRecordMapper {
    private JobRecordMapper() {}

    static Job toDomain(JobsRecord record) {
        return new Job(
                record.getId(),
                JobKind.fromWireName(record.getKind()),
                new DatabaseId(record.getDatabaseId()),
                JobState.fromWireName(record.getState()),
                record.getAttempts(),
                record.getMaxAttempts(),
                record.getRunAt(),
                record.getLeaseOwner(),
                record.getLeaseExpiresAt(),
                record.getLastError(),
                record.getCreatedAt(),
                record.getStartedAt(),
                record.getFinishedAt(),
                record.getTraceParent());
    }

    static JobsRecord toRecord(Job job) {
        return new JobsRecord()
                .setId(job.id())
                .setKind(job.kind().wireName())
                .setDatabaseId(job.databaseId().value())
                .setState(job.state().wireName())
                .setAttempts(job.attempts())
                .setMaxAttempts(job.maxAttempts())
                .setRunAt(job.runAt())
                .setLeaseOwner(job.leaseOwner())
                .setLeaseExpiresAt(job.leaseExpiresAt())
                .setLastError(job.lastError())
                .setCreatedAt(job.createdAt())
                .setUpdatedAt(job.createdAt())
                .setStartedAt(job.startedAt())
                .setFinishedAt(job.finishedAt())
                .setTraceParent(job.traceParent());
    }
}
