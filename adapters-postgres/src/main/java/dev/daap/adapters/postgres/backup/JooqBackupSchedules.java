package dev.daap.adapters.postgres.backup;

import static dev.daap.adapters.postgres.generated.Tables.BACKUPS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupSchedules;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import dev.daap.domain.database.DatabaseId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The {@link BackupSchedules} port on PostgreSQL: three columns of {@code databases} and one of {@code backups}. */
public final class JooqBackupSchedules implements BackupSchedules {
    private final JooqSession session;

    public JooqBackupSchedules(JooqSession session) {
        this.session = session;
    }

    @Override
    public void setPolicy(DatabaseId database, BackupPolicy policy, Instant dueAt) {
        session.dsl()
                .update(DATABASES)
                .set(
                        DATABASES.BACKUP_SCHEDULE,
                        policy == null ? null : policy.schedule().wireName())
                .set(DATABASES.BACKUP_RETAIN, policy == null ? null : policy.retain())
                .set(DATABASES.BACKUP_DUE_AT, policy == null ? null : dueAt.truncatedTo(ChronoUnit.MICROS))
                .where(DATABASES.ID.eq(database.value()))
                .execute();
    }

    @Override
    public Optional<BackupPolicy> policyOf(DatabaseId database) {
        return session.dsl()
                .select(DATABASES.BACKUP_SCHEDULE, DATABASES.BACKUP_RETAIN)
                .from(DATABASES)
                .where(DATABASES.ID.eq(database.value()))
                .and(DATABASES.BACKUP_SCHEDULE.isNotNull())
                .fetchOptional(row -> policy(row.value1(), row.value2()));
    }

    @Override
    public List<Due> lockDue(Instant now, int limit) {
        return session.dsl()
                .select(DATABASES.ID, DATABASES.BACKUP_SCHEDULE, DATABASES.BACKUP_RETAIN)
                .from(DATABASES)
                .where(DATABASES.BACKUP_DUE_AT.le(now))
                .orderBy(DATABASES.BACKUP_DUE_AT.asc(), DATABASES.ID.asc())
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(row -> new Due(new DatabaseId(row.value1()), policy(row.value2(), row.value3())));
    }

    @Override
    public void reschedule(DatabaseId database, Instant dueAt) {
        session.dsl()
                .update(DATABASES)
                .set(DATABASES.BACKUP_DUE_AT, dueAt.truncatedTo(ChronoUnit.MICROS))
                .where(DATABASES.ID.eq(database.value()))
                .and(DATABASES.BACKUP_SCHEDULE.isNotNull())
                .execute();
    }

    @Override
    public void markScheduled(BackupId backup) {
        session.dsl()
                .update(BACKUPS)
                .set(BACKUPS.SCHEDULED, true)
                .where(BACKUPS.ID.eq(backup.value()))
                .execute();
    }

    @Override
    public List<Backup> readyScheduledOf(DatabaseId database) {
        return session.dsl()
                .selectFrom(BACKUPS)
                .where(BACKUPS.DATABASE_ID.eq(database.value()))
                .and(BACKUPS.SCHEDULED.isTrue())
                .and(BACKUPS.STATUS.eq(BackupStatus.READY.wireName()))
                .orderBy(BACKUPS.CREATED_AT.desc(), BACKUPS.ID.desc())
                .forUpdate()
                .skipLocked()
                .fetch(JooqBackups::toDomain);
    }

    private static BackupPolicy policy(String schedule, Integer retain) {
        return new BackupPolicy(BackupSchedule.fromWireName(schedule), retain);
    }
}
