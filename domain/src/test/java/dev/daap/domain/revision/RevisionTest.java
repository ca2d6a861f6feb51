package dev.daap.domain.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.common.Labels;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevisionTest {
    private static final Instant CREATED = Instant.parse("2026-12-03T16:00:00.123456Z");
    private static final RevisionActor ACTOR = RevisionActor.apiKey(UUID.randomUUID(), new TeamSlug("payments"));
    private final Database created = Database.requested(
            new DatabaseId(UUID.randomUUID()),
            new DatabaseName("orders"),
            new TeamSlug("payments"),
            new Purpose("Orders"),
            new Labels(Map.of("env", "prod")),
            CREATED);

    @Test
    void aNewDatabaseChangesEverySettingFromNothing() {
        Revision first = Revision.of(null, created, ACTOR).orElseThrow();

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.changedAt()).isEqualTo(CREATED);
        assertThat(first.changes())
                .containsExactly(
                        new SettingChange("name", null, "orders"),
                        new SettingChange("owner_team", null, "payments"),
                        new SettingChange("purpose", null, "Orders"),
                        new SettingChange("labels", null, Map.of("env", "prod")),
                        new SettingChange("deletion_protection", null, false),
                        new SettingChange("plan", null, "small"),
                        new SettingChange("backup_policy", null, null));
        assertThat(first.settings().keySet()).containsExactlyElementsOf(DatabaseSettings.fields());
    }

    @Test
    void aBackupPolicyIsSetReplacedAndRemovedAsItsOwnSetting() {
        Database daily = created.withBackupPolicy(new BackupPolicy(BackupSchedule.DAILY, 30));
        Database weekly =
                daily.change(changeOfPolicy(new BackupPolicy(BackupSchedule.WEEKLY, 4)), CREATED.plusSeconds(5));
        Database none = weekly.change(changeOfPolicy(null), CREATED.plusSeconds(9));
        Database untouched = none.change(
                new DatabaseChanges(Optional.of(new Purpose("Orders")), Optional.empty(), Optional.empty()),
                CREATED.plusSeconds(10));

        assertThat(Revision.of(daily, weekly, ACTOR).orElseThrow().changes())
                .containsExactly(new SettingChange(
                        "backup_policy",
                        Map.of("schedule", "daily", "retain", 30),
                        Map.of("schedule", "weekly", "retain", 4)));
        assertThat(none.backupPolicy())
                .as("a change to none is not lost as no change")
                .isNull();
        assertThat(Revision.of(weekly, none, ACTOR).orElseThrow().changes())
                .containsExactly(new SettingChange("backup_policy", Map.of("schedule", "weekly", "retain", 4), null));
        assertThat(untouched.backupPolicy()).isNull();
        assertThat(weekly.change(
                                new DatabaseChanges(
                                        Optional.of(new Purpose("Other")), Optional.empty(), Optional.empty()),
                                CREATED.plusSeconds(6))
                        .backupPolicy())
                .as("a change that says nothing of backups keeps the policy")
                .isEqualTo(new BackupPolicy(BackupSchedule.WEEKLY, 4));
    }

    private static DatabaseChanges changeOfPolicy(BackupPolicy policy) {
        return new DatabaseChanges(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new DatabaseChanges.NewBackupPolicy(policy)));
    }

    @Test
    void aChangeHoldsWhatChangedAndTheWholeStateAfterIt() {
        Database changed = created.change(
                new DatabaseChanges(Optional.empty(), Optional.of(Labels.NONE), Optional.empty(), Optional.of(true)),
                CREATED.plusSeconds(60));

        Revision revision = Revision.of(created, changed, ACTOR).orElseThrow();

        assertThat(revision.version()).isEqualTo(2);
        assertThat(revision.changedAt()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(revision.changes())
                .containsExactly(
                        new SettingChange("labels", Map.of("env", "prod"), Map.of()),
                        new SettingChange("deletion_protection", false, true));
        assertThat(revision.settings())
                .containsEntry("purpose", "Orders")
                .containsEntry("labels", Map.of())
                .containsEntry("deletion_protection", true);
    }

    @Test
    void aChangeOfNoSettingIsNoRevision() {
        Database sameValues = created.change(
                new DatabaseChanges(Optional.of(new Purpose("Orders")), Optional.empty(), Optional.empty()),
                CREATED.plusSeconds(1));
        Database provisioning = created.startProvisioning(CREATED.plusSeconds(2));

        assertThat(Revision.of(created, sameValues, ACTOR)).isEmpty();
        assertThat(Revision.of(created, provisioning, ACTOR)).isEmpty();
    }
}
