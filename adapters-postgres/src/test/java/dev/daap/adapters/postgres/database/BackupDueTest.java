package dev.daap.adapters.postgres.database;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.DatabaseBuilder;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database's policy as the store keeps it for the schedule's sweep: the first backup due at the first slot after
 * the create, the due time kept while the schedule stays (the sweep moves it), moved when the schedule changes,
 * and gone with the policy.
 */
class BackupDueTest {
    private static final Instant CREATED = Instant.parse("2026-12-04T10:17:00Z");

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final JooqDatabases databases = new JooqDatabases(transaction::dsl);

    @Test
    void theDueTimeFollowsTheScheduleAndIsKeptWhileTheScheduleIs() {
        TeamSlug team = new TeamSlug("due-" + System.nanoTime() % 1_000_000);
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        Database created = DatabaseBuilder.aDatabase()
                .ownedBy(team)
                .createdAt(CREATED)
                .build()
                .withBackupPolicy(new BackupPolicy(BackupSchedule.DAILY, 30));
        databases.add(created);
        assertThat(dueAt(created)).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(databases.find(created.id()).orElseThrow().backupPolicy())
                .isEqualTo(new BackupPolicy(BackupSchedule.DAILY, 30));

        // The sweep took the slot of the 5th and moved the due time on; a change of retain leaves it there.
        transaction
                .dsl()
                .update(DATABASES)
                .set(DATABASES.BACKUP_DUE_AT, Instant.parse("2026-12-06T00:00:00Z"))
                .where(DATABASES.ID.eq(created.id().value()))
                .execute();
        Database keptLonger = change(created, new BackupPolicy(BackupSchedule.DAILY, 90), "2026-12-05T08:00:00Z");
        assertThat(dueAt(keptLonger)).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));

        Database hourly = change(keptLonger, new BackupPolicy(BackupSchedule.HOURLY, 24), "2026-12-05T08:30:00Z");
        assertThat(dueAt(hourly)).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));

        Database purposeOnly = hourly.change(
                new DatabaseChanges(Optional.of(new Purpose("Other")), Optional.empty(), Optional.empty()),
                Instant.parse("2026-12-05T08:40:00Z"));
        databases.update(purposeOnly, hourly.version());
        assertThat(dueAt(purposeOnly)).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));

        Database none = change(purposeOnly, null, "2026-12-05T08:45:00Z");
        assertThat(dueAt(none)).isNull();
        assertThat(databases.find(none.id()).orElseThrow().backupPolicy()).isNull();
    }

    private Database change(Database current, BackupPolicy policy, String at) {
        Database changed = current.change(
                new DatabaseChanges(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new DatabaseChanges.NewBackupPolicy(policy))),
                Instant.parse(at));
        databases.update(changed, current.version());
        return changed;
    }

    private Instant dueAt(Database database) {
        return transaction
                .dsl()
                .select(DATABASES.BACKUP_DUE_AT)
                .from(DATABASES)
                .where(DATABASES.ID.eq(database.id().value()))
                .fetchOne(DATABASES.BACKUP_DUE_AT);
    }
}
