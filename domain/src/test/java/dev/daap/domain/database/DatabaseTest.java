package dev.daap.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Labels;
import dev.daap.domain.error.DeletionProtectedException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.RestoreWindowExpiredException;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00.123456789Z");
    private final Database requested = Database.requested(
            new DatabaseId(UUID.randomUUID()),
            new DatabaseName("orders"),
            new TeamSlug("checkout"),
            new Purpose("Orders"),
            Labels.NONE,
            CREATED);

    @Test
    void aNewRequestIsPendingAtVersionOneWithTimesAsPostgresStoresThem() {
        assertThat(requested.status()).isEqualTo(DatabaseStatus.PENDING);
        assertThat(requested.version()).isEqualTo(1);
        assertThat(requested.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123456Z"));
        assertThat(requested.connection()).isNull();
        assertThat(requested.isLive()).isTrue();
    }

    @Test
    void aChangeTouchesOnlyWhatItNamesAndBumpsTheVersion() {
        Instant later = CREATED.plusSeconds(60);
        Database changed = requested.change(
                new DatabaseChanges(
                        Optional.of(new Purpose("Orders and refunds")),
                        Optional.empty(),
                        Optional.of(new TeamSlug("payments"))),
                later);

        assertThat(changed.purpose().value()).isEqualTo("Orders and refunds");
        assertThat(changed.ownerTeam().value()).isEqualTo("payments");
        assertThat(changed.labels()).isEqualTo(Labels.NONE);
        assertThat(changed.name()).isEqualTo(requested.name());
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.updatedAt()).isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(changed.createdAt()).isEqualTo(requested.createdAt());
    }

    @Test
    void aReadyDatabaseMovesToAnotherClusterAndLeavesItsOldCopyAsADeletedDatabaseOfItsOwn() {
        ConnectionDetails details = new ConnectionDetails("pg-a.internal", 5432, "checkout_orders", "checkout_orders");
        var from = new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName("eu-1"));
        var to = new ClusterRef(new ClusterId(UUID.randomUUID()), new ClusterName("eu-2"));
        Database ready = requested
                .placedOn(from, NameOnCluster.of(requested.name()))
                .startProvisioning(CREATED)
                .provisioned(details, CREATED.plusSeconds(1));
        UUID operation = UUID.randomUUID();

        Database moving = ready.startMoving(operation, CREATED.plusSeconds(2));
        assertThat(moving.status()).isEqualTo(DatabaseStatus.MOVING);
        assertThat(moving.latestOperationId()).isEqualTo(operation);
        assertThatThrownBy(() -> moving.startDeleting(UUID.randomUUID(), CREATED.plusSeconds(3)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> moving.startMoving(UUID.randomUUID(), CREATED.plusSeconds(3)))
                .isInstanceOf(IllegalTransitionException.class);

        ConnectionDetails there = new ConnectionDetails("pg-b.internal", 5433, "checkout_orders", "checkout_orders");
        Instant switched = CREATED.plusSeconds(4);
        Database moved = moving.movedTo(to, NameOnCluster.of(requested.name()), there, switched);
        assertThat(moved.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(moved.cluster()).isEqualTo(to);
        assertThat(moved.connection()).isEqualTo(there);
        assertThat(moved.id()).isEqualTo(ready.id());
        assertThat(moved.name()).isEqualTo(ready.name());
        assertThat(moved.version()).isEqualTo(moving.version() + 1);

        DatabaseId copy = new DatabaseId(UUID.randomUUID());
        Database left = moving.leftBehind(copy, switched, WINDOW_END);
        assertThat(left.id()).isEqualTo(copy);
        assertThat(left.status()).isEqualTo(DatabaseStatus.DELETED);
        assertThat(left.isLive()).isFalse();
        assertThat(left.cluster()).isEqualTo(from);
        assertThat(left.connection()).isEqualTo(details);
        assertThat(left.restorableUntil()).isEqualTo(WINDOW_END);
        assertThat(left.version()).isEqualTo(1);
        assertThat(left.ownerTeam()).isEqualTo(ready.ownerTeam());
        assertThat(left.plan()).isEqualTo(ready.plan());
    }

    @Test
    void onlyAReadyOrFailedDatabaseIsMoved() {
        assertThatThrownBy(() -> requested.startMoving(UUID.randomUUID(), CREATED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("pending");
    }

    private static final Instant WINDOW_END = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aDeletedDatabaseComesBackWithinItsWindowUnderItsOwnOrANewName() {
        ConnectionDetails details = new ConnectionDetails("pg.internal", 5432, "team_orders", "team_orders");
        Database ready = requested.startProvisioning(CREATED).provisioned(details, CREATED.plusSeconds(1));
        Database deleted = ready.startDeleting(UUID.randomUUID(), CREATED.plusSeconds(2))
                .deleted(CREATED.plusSeconds(3), CREATED.plusSeconds(100));
        assertThat(deleted.restorableUntil())
                .as("as stored: microseconds")
                .isEqualTo(CREATED.plusSeconds(100).truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        UUID restoreJob = UUID.randomUUID();
        Database restoring = deleted.startRestoring(
                restoreJob,
                new DatabaseName("orders-two"),
                new NameOnCluster("team_orders_two"),
                CREATED.plusSeconds(99));
        assertThat(restoring.status()).isEqualTo(DatabaseStatus.RESTORING);
        assertThat(restoring.isLive()).isTrue();
        assertThat(restoring.restorableUntil()).isNull();
        assertThat(restoring.name().value()).isEqualTo("orders-two");
        assertThat(restoring.connection().username()).isEqualTo("team_orders_two");
        assertThat(restoring.latestOperationId()).isEqualTo(restoreJob);
        assertThat(restoring.restored(CREATED.plusSeconds(101)).status()).isEqualTo(DatabaseStatus.READY);

        assertThatThrownBy(() -> deleted.startRestoring(
                        restoreJob, deleted.name(), deleted.nameOnCluster(), CREATED.plusSeconds(101)))
                .isInstanceOf(RestoreWindowExpiredException.class);
        assertThatThrownBy(() -> ready.startRestoring(restoreJob, ready.name(), ready.nameOnCluster(), CREATED))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void protectionRefusesDeletingAndPurgingUntilItIsTurnedOff() {
        Database protectedOne = requested.withDeletionProtection(true);
        assertThatThrownBy(() -> protectedOne.startDeleting(UUID.randomUUID(), CREATED))
                .isInstanceOf(DeletionProtectedException.class);
        assertThatThrownBy(() -> protectedOne.startPurging(UUID.randomUUID(), CREATED))
                .isInstanceOf(DeletionProtectedException.class);

        Database unprotected =
                protectedOne.change(new DatabaseChanges(null, null, null, Optional.of(false)), CREATED.plusSeconds(1));
        assertThat(unprotected.deletionProtection()).isFalse();
        assertThat(unprotected
                        .startDeleting(UUID.randomUUID(), CREATED.plusSeconds(2))
                        .status())
                .isEqualTo(DatabaseStatus.DELETING);
    }

    @Test
    void aPurgeLeavesTheLiveSetAtOnceAndIsRefusedWhileARestoreRuns() {
        Database purging = requested.startPurging(UUID.randomUUID(), CREATED.plusSeconds(1));
        assertThat(purging.isLive()).isFalse();
        assertThat(purging.status()).isEqualTo(DatabaseStatus.PURGING);
        Database purged = purging.purged(CREATED.plusSeconds(2));
        assertThat(purged.status()).isEqualTo(DatabaseStatus.PURGED);
        assertThat(purged.deletedAt()).isEqualTo(purging.deletedAt());

        ConnectionDetails details = new ConnectionDetails("pg.internal", 5432, "team_orders", "team_orders");
        Database restoring = requested
                .startProvisioning(CREATED)
                .provisioned(details, CREATED)
                .startDeleting(UUID.randomUUID(), CREATED)
                .deleted(CREATED, WINDOW_END)
                .startRestoring(UUID.randomUUID(), requested.name(), requested.nameOnCluster(), CREATED);
        assertThatThrownBy(() -> restoring.startPurging(UUID.randomUUID(), CREATED))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void deletingMarksTheTimeAndEndsChanges() {
        Database deleted = requested.deleted(CREATED.plusSeconds(5), WINDOW_END);

        assertThat(deleted.isLive()).isFalse();
        assertThat(deleted.status()).isEqualTo(DatabaseStatus.DELETED);
        assertThatThrownBy(() -> deleted.change(
                        new DatabaseChanges(Optional.of(new Purpose("x")), null, null), CREATED.plusSeconds(6)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> deleted.deleted(CREATED.plusSeconds(7), WINDOW_END))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void provisioningLeadsToReadyWithConnectionDetails() {
        Database provisioning = requested.startProvisioning(CREATED.plusSeconds(1));
        ConnectionDetails details = new ConnectionDetails("pg.internal", 5432, "orders", "orders");
        Database ready = provisioning.provisioned(details, CREATED.plusSeconds(2));

        assertThat(provisioning.status()).isEqualTo(DatabaseStatus.PROVISIONING);
        assertThat(provisioning.startProvisioning(CREATED.plusSeconds(3)))
                .as("a retry after a crash changes nothing")
                .isSameAs(provisioning);
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(ready.connection()).isEqualTo(details);
        assertThat(ready.version()).isEqualTo(3);
    }

    @Test
    void aFailureCarriesItsReasonUntilARetry() {
        UUID retryJob = UUID.randomUUID();
        Database failed = requested.startProvisioning(CREATED).failed("the target refused", CREATED.plusSeconds(1));
        Database retried = failed.retry(retryJob, CREATED.plusSeconds(2));

        assertThat(failed.failureReason()).isEqualTo("the target refused");
        assertThat(retried.status()).isEqualTo(DatabaseStatus.PENDING);
        assertThat(retried.failureReason()).isNull();
        assertThat(retried.latestOperationId()).isEqualTo(retryJob);
        assertThatThrownBy(() -> retried.retry(UUID.randomUUID(), CREATED))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void deletingGoesThroughDeletingToDeleted() {
        UUID deprovision = UUID.randomUUID();
        Database deleting = requested.startDeleting(deprovision, CREATED.plusSeconds(1));
        Database deleted = deleting.deleted(CREATED.plusSeconds(2), WINDOW_END);

        assertThat(deleting.status()).isEqualTo(DatabaseStatus.DELETING);
        assertThat(deleting.isLive()).isTrue();
        assertThat(deleting.latestOperationId()).isEqualTo(deprovision);
        assertThat(deleted.isLive()).isFalse();
        assertThatThrownBy(
                        () -> deleting.change(new DatabaseChanges(Optional.of(new Purpose("x")), null, null), CREATED))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void labelsAreCheckedAndKeptInKeyOrder() {
        assertThat(new Labels(Map.of("b", "2", "a", "1")).values().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> new Labels(Map.of("Bad Key", "x"))).hasMessageContaining("key 'Bad Key'");
        assertThatThrownBy(() -> new Labels(Map.of("k", "v".repeat(257)))).hasMessageContaining("at most 256");
    }

    @Test
    void purposeIsOneToAThousandCharactersOfSomething() {
        assertThat(new Purpose("x".repeat(1000)).value()).hasSize(1000);
        assertThatThrownBy(() -> new Purpose("x".repeat(1001))).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> new Purpose("   ")).hasMessage("is required");
    }
}
