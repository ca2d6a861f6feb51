package dev.daap.application.event;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event each change appends: its type, team, resource, time and facts, and never a secret. */
class DatabaseEventsTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final DatabaseEvents events = new DatabaseEvents(log, clock);
    private final Database pending = aDatabase()
            .named("orders")
            .ownedBy("checkout")
            .createdAt(clock.instant())
            .build()
            .placedOn(
                    new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName("eu-1")),
                    new NameOnCluster("checkout_orders"));

    @Test
    void createdNamesTheDatabaseItsOwnerAndStatus() {
        events.created(pending);

        Event event = only();
        assertThat(event.type()).isEqualTo(EventType.DATABASE_CREATED);
        assertThat(event.team()).isEqualTo(pending.ownerTeam());
        assertThat(event.resourceId()).isEqualTo(pending.id().value());
        assertThat(event.occurredAt()).isEqualTo(pending.updatedAt());
        assertThat(event.payload())
                .isEqualTo(Map.of(
                        "name",
                        "orders",
                        "status",
                        "pending",
                        "version",
                        1L,
                        "owner_team",
                        "checkout",
                        "cluster",
                        "eu-1"));
    }

    @Test
    void statusChangedCarriesFromToAndTheFailureReasonButNoConnectionDetails() {
        Database provisioning = pending.startProvisioning(later());
        Database ready =
                provisioning.provisioned(new ConnectionDetails("db.internal", 5432, "orders", "orders"), later());
        Database failed = provisioning.failed("the target refused: permission denied", later());

        events.statusChanged(pending, provisioning);
        events.statusChanged(provisioning, ready);
        events.statusChanged(provisioning, failed);

        assertThat(log.all()).extracting(Event::type).containsOnly(EventType.DATABASE_STATUS_CHANGED);
        assertThat(log.all().get(1).payload())
                .containsEntry("from", "provisioning")
                .containsEntry("to", "ready")
                .containsEntry("failure_reason", null)
                .containsEntry("version", 3L)
                .doesNotContainKeys("host", "port", "username", "password", "connection");
        assertThat(log.all().get(1).payload().values()).doesNotContain("db.internal");
        assertThat(log.all().get(2).payload())
                .containsEntry("to", "failed")
                .containsEntry("failure_reason", "the target refused: permission denied");
        assertThat(log.all().get(2).occurredAt()).isEqualTo(failed.updatedAt());
    }

    @Test
    void aStatusThatStayedTheSameAppendsNothing() {
        events.statusChanged(pending, pending);

        assertThat(log.all()).isEmpty();
    }

    @Test
    void updatedListsWhatChangedAndNamesThePreviousOwner() {
        Database moved = pending.change(
                new DatabaseChanges(
                        Optional.of(new Purpose("Orders and refunds")),
                        Optional.empty(),
                        Optional.of(new TeamSlug("payments"))),
                later());

        events.updated(pending, moved);
        events.updated(moved, moved);

        Event event = only();
        assertThat(event.type()).isEqualTo(EventType.DATABASE_UPDATED);
        assertThat(event.team()).isEqualTo(new TeamSlug("payments"));
        assertThat(event.payload())
                .containsEntry("changed", List.of("purpose", "owner_team"))
                .containsEntry("previous_owner_team", "checkout");
    }

    @Test
    void deletionStartedAndCredentialsRotatedSayNoMoreThanTheFacts() {
        Database ready = pending.startProvisioning(later())
                .provisioned(new ConnectionDetails("db.internal", 5432, "orders", "orders"), later());
        Database deleting = ready.startDeleting(UUID.randomUUID(), later());

        events.credentialsRotated(ready);
        events.deletionStarted(ready, deleting);

        assertThat(log.all())
                .extracting(Event::type)
                .containsExactly(EventType.CREDENTIALS_ROTATED, EventType.DATABASE_DELETED);
        assertThat(log.all().getFirst().payload())
                .isEqualTo(Map.of("name", "orders", "status", "ready", "version", 3L));
        assertThat(log.all().getFirst().occurredAt()).isEqualTo(clock.instant());
        assertThat(log.all().getLast().payload())
                .containsEntry("status", "deleting")
                .containsEntry("from", "ready");
    }

    private Instant later() {
        clock.advance(Duration.ofSeconds(1));
        return clock.instant();
    }

    private Event only() {
        assertThat(log.all()).hasSize(1);
        return log.all().getFirst();
    }
}
