package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.adapters.postgres.database.JooqQuotaStates;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.cluster.DueProbe;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.domain.common.Labels;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In a rolled-back transaction per test; times are in 2001, before any cluster another test could leave due. */
class JooqClusterProbeStoreTest {
    private static final Instant T0 = Instant.parse("2001-02-03T04:05:06.123456Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final JooqClusterProbeStore store = new JooqClusterProbeStore(transaction::dsl);
    private final JooqQuotaStates quotaStates = new JooqQuotaStates(transaction::dsl);
    private final TeamSlug team =
            new TeamSlug("probe-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void claimsEachDueLiveClusterOncePerInterval() {
        ClusterRef due = aCluster(T0);
        ClusterRef later = aCluster(T0.plusSeconds(10));
        ClusterRef removed = aCluster(T0);
        transaction
                .dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.DELETED_AT, T0)
                .where(CLUSTERS.ID.eq(removed.id().value()))
                .execute();

        assertThat(claimedAt(T0)).containsExactly(due.id());
        assertThat(claimedAt(T0)).as("claimed already this interval").isEmpty();
        assertThat(claimedAt(T0.plusSeconds(10))).containsExactly(later.id());
        assertThat(claimedAt(T0.plus(INTERVAL).minusNanos(1000))).isEmpty();
        assertThat(claimedAt(T0.plus(INTERVAL))).containsExactly(due.id());
    }

    @Test
    void aClaimCarriesTheHealthTheClusterHad() {
        ClusterRef cluster = aCluster(T0);
        ClusterHealth before = new ClusterHealth(
                HealthStatus.UP, T0.minusSeconds(15), "17.6", 4, 7, 100, "timeout", 2, List.of("postgres"));
        store.recordHealth(cluster.id(), before);

        assertThat(store.claimDue(T0, INTERVAL))
                .filteredOn(probe -> probe.id().equals(cluster.id()))
                .containsExactly(new DueProbe(cluster.id(), cluster.name(), before));
    }

    @Test
    void aReadingStoresHealthFillAndTheSizeOfEachLiveDatabaseOfTheCluster() {
        ClusterRef cluster = aCluster(T0);
        ClusterRef other = aCluster(T0);
        DatabaseId orders = aDatabase(cluster, "checkout_orders");
        DatabaseId carts = aDatabase(cluster, "checkout_carts");
        DatabaseId elsewhere = aDatabase(other, "checkout_orders");
        ProbeReading reading = new ProbeReading(
                "17.6",
                12,
                300,
                List.of(
                        DatabaseSeen.measured("checkout_orders", 8_000_000L),
                        DatabaseSeen.measured("checkout_carts", 9_000_000L),
                        DatabaseSeen.measured("daap.snapshot.1", 1L)),
                List.of("template1"),
                Duration.ofMillis(42));
        ClusterHealth health = ClusterHealth.UNKNOWN.afterReading(reading, T0);

        store.recordReading(cluster.id(), health, reading.databases(), T0);

        assertThat(storageBytes(orders)).isEqualTo(8_000_000L);
        assertThat(storageBytes(carts)).isEqualTo(9_000_000L);
        assertThat(storageBytes(elsewhere)).as("same name, another cluster").isNull();
        assertThat(clusterStorageBytes(cluster))
                .as("a snapshot copy counts too")
                .isEqualTo(17_000_001L);
        assertThat(claimedHealth(cluster)).isEqualTo(health);
    }

    @Test
    void aReadingLeavesAUsageSampleOfEachLiveDatabaseItSizedAtMostOnceAMinute() {
        ClusterRef cluster = aCluster(T0);
        DatabaseId orders = aDatabase(cluster, "checkout_orders");
        DatabaseId carts = aDatabase(cluster, "checkout_carts");
        DatabaseId unread = aDatabase(cluster, "checkout_unread");
        DatabaseId notInSlice = aDatabase(cluster, "checkout_later");
        List<DatabaseSeen> seen = List.of(
                DatabaseSeen.measured("checkout_orders", 8_000_000L, 3),
                DatabaseSeen.measured("checkout_carts", 9_000_000L, null),
                DatabaseSeen.measured("checkout_unread", null, 0),
                DatabaseSeen.notMeasured("checkout_later"),
                DatabaseSeen.measured("daap.snapshot.1", 1L, 0));

        store.recordReading(cluster.id(), ClusterHealth.UNKNOWN, seen, T0);
        store.recordReading(cluster.id(), ClusterHealth.UNKNOWN, seen, T0.plusSeconds(15));
        store.recordReading(cluster.id(), ClusterHealth.UNKNOWN, seen, T0.plusSeconds(30));
        store.recordReading(cluster.id(), ClusterHealth.UNKNOWN, seen, T0.plusSeconds(60));

        var samples = transaction
                .dsl()
                .fetch(
                        "SELECT database_id, storage_bytes, connections FROM daap.usage_samples"
                                + " WHERE database_id = ANY(?) ORDER BY sampled_at, storage_bytes",
                        (Object) new UUID[] {orders.value(), carts.value(), unread.value(), notInSlice.value()});
        assertThat(samples)
                .extracting(row -> row.get(0), row -> row.get(1), row -> row.get(2))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(orders.value(), 8_000_000L, 3),
                        org.assertj.core.groups.Tuple.tuple(carts.value(), 9_000_000L, null),
                        org.assertj.core.groups.Tuple.tuple(orders.value(), 8_000_000L, 3),
                        org.assertj.core.groups.Tuple.tuple(carts.value(), 9_000_000L, null));
    }

    @Test
    void theQuotaStatesOfTheMeasuredReadyDatabasesThatCrossedTheirPlansStorageLimitAreSettledInOneStatement() {
        ClusterRef cluster = aCluster(T0);
        long limit = 10_000_000_000L; // small's
        DatabaseId over = ready(aDatabase(cluster, "checkout_over"));
        DatabaseId under = ready(aDatabase(cluster, "checkout_under"));
        DatabaseId back = ready(aDatabase(cluster, "checkout_back"));
        DatabaseId pending = aDatabase(cluster, "checkout_pending");
        DatabaseId later = ready(aDatabase(cluster, "checkout_later"));
        transaction.dsl().execute("UPDATE daap.databases SET quota_state = 'over_storage' WHERE id = ?", back.value());
        transaction.dsl().execute("UPDATE daap.databases SET storage_bytes = ? WHERE id = ?", limit + 1, later.value());
        long versionOfOver = version(over);

        List<DatabaseSeen> seen = List.of(
                DatabaseSeen.measured("checkout_over", limit + 1),
                DatabaseSeen.measured("checkout_under", limit),
                DatabaseSeen.measured("checkout_back", limit),
                DatabaseSeen.measured("checkout_pending", limit + 1),
                DatabaseSeen.measured("checkout_unread", null),
                DatabaseSeen.notMeasured("checkout_later"));
        var changes = quotaStates.settle(cluster.id(), seen);
        store.recordReading(cluster.id(), ClusterHealth.UNKNOWN, seen, T0);

        assertThat(changes)
                .extracting(change -> change.id(), change -> change.from(), change -> change.to())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(over, QuotaState.OK, QuotaState.OVER_STORAGE),
                        org.assertj.core.groups.Tuple.tuple(back, QuotaState.OVER_STORAGE, QuotaState.OK));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.storageLimitBytes()).isEqualTo(limit);
            assertThat(change.plan().value()).isEqualTo("small");
        });
        assertThat(quotaState(over)).isEqualTo("over_storage");
        assertThat(version(over)).as("beside the version").isEqualTo(versionOfOver);
        assertThat(quotaState(under)).as("at the limit is within it").isEqualTo("ok");
        assertThat(quotaState(back)).isEqualTo("ok");
        assertThat(quotaState(pending)).as("only ready databases").isEqualTo("ok");
        assertThat(quotaState(later)).as("only the measured").isEqualTo("ok");
        assertThat(quotaStates.settle(cluster.id(), List.of(DatabaseSeen.measured("checkout_over", limit + 2))))
                .as("still over: nothing changes")
                .isEmpty();
        assertThat(storageBytes(over)).isEqualTo(limit + 1);
    }

    @Test
    void theStorageSumsTheLastKnownSizesAndForgetsDatabasesNoLongerOnTheCluster() {
        ClusterRef cluster = aCluster(T0);
        DatabaseId orders = aDatabase(cluster, "checkout_orders");
        ClusterHealth health = ClusterHealth.up(T0, "17.6", 3);
        store.recordReading(
                cluster.id(),
                health,
                List.of(
                        DatabaseSeen.measured("checkout_orders", 8_000_000L),
                        DatabaseSeen.measured("checkout_carts", 9_000_000L),
                        DatabaseSeen.measured("parked", 1_000_000L)),
                T0);

        store.recordReading(
                cluster.id(),
                health,
                List.of(
                        DatabaseSeen.measured("checkout_orders", 10_000_000L),
                        DatabaseSeen.notMeasured("checkout_carts"),
                        DatabaseSeen.notMeasured("new_one")),
                T0.plusSeconds(15));

        assertThat(clusterStorageBytes(cluster))
                .as("orders as measured now, carts as measured before; parked is gone, new_one not measured yet")
                .isEqualTo(19_000_000L);
        assertThat(storageBytes(orders)).isEqualTo(10_000_000L);
        assertThat(store.measuredOldestFirst(cluster.id())).containsExactly("checkout_carts", "checkout_orders");
    }

    @Test
    void aSizeTheAdminMayNotReadCountsAsMeasuredButAddsNothing() {
        ClusterRef cluster = aCluster(T0);
        ClusterRef other = aCluster(T0);
        DatabaseId orders = aDatabase(cluster, "checkout_orders");
        store.recordReading(
                other.id(), ClusterHealth.up(T0, "17.6", 3), List.of(DatabaseSeen.measured("checkout_orders", 5L)), T0);

        store.recordReading(
                cluster.id(),
                ClusterHealth.up(T0, "17.6", 3),
                List.of(DatabaseSeen.measured("checkout_orders", null), DatabaseSeen.measured("checkout_carts", 9L)),
                T0.plusSeconds(1));

        assertThat(store.measuredOldestFirst(cluster.id()))
                .as("its turn is taken, so it cannot hold the head of every slice")
                .containsExactlyInAnyOrder("checkout_orders", "checkout_carts");
        assertThat(clusterStorageBytes(cluster)).isEqualTo(9L);
        assertThat(storageBytes(orders)).isNull();
        assertThat(store.measuredOldestFirst(other.id())).containsExactly("checkout_orders");
    }

    @Test
    void aFailedProbeStoresItsHealthAndLeavesTheFillAsMeasured() {
        ClusterRef cluster = aCluster(T0);
        DatabaseId orders = aDatabase(cluster, "checkout_orders");
        store.recordReading(
                cluster.id(),
                ClusterHealth.up(T0, "17.6", 3),
                List.of(DatabaseSeen.measured("checkout_orders", 8_000_000L)),
                T0);
        ClusterHealth failed = ClusterHealth.up(T0, "17.6", 3).afterFailure("connection refused", T0, 3);

        store.recordHealth(cluster.id(), failed);

        assertThat(claimedHealth(cluster)).isEqualTo(failed);
        assertThat(storageBytes(orders)).isEqualTo(8_000_000L);
        assertThat(clusterStorageBytes(cluster)).isEqualTo(8_000_000L);
    }

    private List<ClusterId> claimedAt(Instant now) {
        return store.claimDue(now, INTERVAL).stream().map(DueProbe::id).toList();
    }

    private ClusterHealth claimedHealth(ClusterRef cluster) {
        transaction
                .dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.NEXT_PROBE_AT, T0.minusSeconds(3600))
                .where(CLUSTERS.ID.eq(cluster.id().value()))
                .execute();
        return store.claimDue(T0.minusSeconds(3600), INTERVAL).stream()
                .filter(probe -> probe.id().equals(cluster.id()))
                .findFirst()
                .orElseThrow()
                .health();
    }

    private ClusterRef aCluster(Instant nextProbeAt) {
        UUID id = UUID.randomUUID();
        var cluster = new ClusterRef(
                new ClusterId(id), new ClusterName("probe-" + id.toString().substring(0, 8)));
        MigratedDatabase.clustersExist(transaction.dsl(), cluster);
        transaction
                .dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.NEXT_PROBE_AT, nextProbeAt)
                .where(CLUSTERS.ID.eq(id))
                .execute();
        return cluster;
    }

    private DatabaseId aDatabase(ClusterRef cluster, String nameOnCluster) {
        MigratedDatabase.teamsExist(transaction.dsl(), team);
        DatabaseId id = new DatabaseId(UUID.randomUUID());
        new JooqDatabases(transaction::dsl)
                .add(Database.requested(
                                id,
                                new DatabaseName("db-" + id.value().toString().substring(0, 8)),
                                team,
                                new Purpose("probe store test"),
                                Labels.NONE,
                                T0)
                        .placedOn(cluster, new NameOnCluster(nameOnCluster)));
        return id;
    }

    private DatabaseId ready(DatabaseId id) {
        transaction.dsl().execute("UPDATE daap.databases SET status = 'ready' WHERE id = ?", id.value());
        return id;
    }

    private String quotaState(DatabaseId id) {
        return transaction
                .dsl()
                .select(DATABASES.QUOTA_STATE)
                .from(DATABASES)
                .where(DATABASES.ID.eq(id.value()))
                .fetchSingle(DATABASES.QUOTA_STATE);
    }

    private long version(DatabaseId id) {
        return transaction
                .dsl()
                .select(DATABASES.VERSION)
                .from(DATABASES)
                .where(DATABASES.ID.eq(id.value()))
                .fetchSingle(DATABASES.VERSION);
    }

    private Long storageBytes(DatabaseId id) {
        return transaction
                .dsl()
                .select(DATABASES.STORAGE_BYTES)
                .from(DATABASES)
                .where(DATABASES.ID.eq(id.value()))
                .fetchSingle(DATABASES.STORAGE_BYTES);
    }

    private long clusterStorageBytes(ClusterRef cluster) {
        return transaction
                .dsl()
                .select(CLUSTERS.STORAGE_BYTES)
                .from(CLUSTERS)
                .where(CLUSTERS.ID.eq(cluster.id().value()))
                .fetchSingle(CLUSTERS.STORAGE_BYTES);
    }
}
