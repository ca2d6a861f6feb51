package dev.daap.domain.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.common.Labels;
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
                        new SettingChange("plan", null, "small"));
        assertThat(first.settings().keySet()).containsExactlyElementsOf(DatabaseSettings.fields());
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
