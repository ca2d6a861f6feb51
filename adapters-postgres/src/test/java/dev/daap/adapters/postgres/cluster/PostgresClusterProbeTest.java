package dev.daap.adapters.postgres.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.daap.adapters.postgres.provisioning.PostgresProvisioner;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterProbeException;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.domain.cluster.SizeSlice;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The shared PostgreSQL 17 as the probed cluster. Databases and roles are cluster-wide: each test makes its own and
 * removes them afterwards. Isolated from the other test classes, which make DAAP's databases too: which databases a
 * slice measures depends on every one of them on the cluster.
 */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class PostgresClusterProbeTest {
    private static final SizeSlice EVERY_SIZE = new SizeSlice(List.of(), Integer.MAX_VALUE);
    private static final TestPostgres postgres = TestPostgres.shared();
    private final PostgresClusterProbe probe = new PostgresClusterProbe(Duration.ofSeconds(5));
    private final PostgresProvisioner provisioner =
            new PostgresProvisioner(postgres.dataSource("postgres"), postgres.host(), postgres.port());
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMade() throws SQLException {
        for (String name : made) {
            superuser("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            superuser("DROP ROLE IF EXISTS \"" + name + "\"");
        }
    }

    @Test
    void readsTheServerItsSessionsAndTheSizeOfEveryDatabaseDaapMade() throws SQLException {
        String orders = provisioned();
        String relabelled = provisioned();
        superuser("COMMENT ON DATABASE \"" + relabelled + "\" IS 'the tenant rewrote this'");
        String foreign = uniqueName();
        superuser("CREATE DATABASE \"" + foreign + "\"");

        ProbeReading reading = probe.probe(admin(postgres.password()), EVERY_SIZE);

        assertThat(reading.serverVersion()).startsWith("17.");
        assertThat(reading.connections()).isPositive();
        assertThat(reading.maxConnections()).isGreaterThanOrEqualTo(reading.connections());
        assertThat(reading.databaseSizes())
                .as("its owner still carries DAAP's marker")
                .containsKeys(orders, relabelled)
                .doesNotContainKeys(foreign, "postgres", "template1");
        assertThat(reading.databaseSizes().get(orders)).isGreaterThan(1_000_000L);
        assertThat(reading.databases()).extracting(DatabaseSeen::name).doesNotContain(foreign, "postgres");
        assertThat(reading.publicConnectDatabases())
                .contains("postgres", "template1", foreign)
                .doesNotContain(orders, relabelled, "template0");
        assertThat(reading.took()).isPositive();
        assertThat(reading.sizesMeasured()).isTrue();
    }

    @Test
    void countsTheClientSessionsOnEachMeasuredDatabase() throws SQLException {
        String busy = provisioned();
        String idle = provisioned();
        try (var first = postgres.dataSource(busy).getConnection();
                var second = postgres.dataSource(busy).getConnection()) {
            first.createStatement().execute("SELECT 1");
            second.createStatement().execute("SELECT 1");

            ProbeReading reading = probe.probe(admin(postgres.password()), EVERY_SIZE);

            assertThat(reading.databases())
                    .filteredOn(seen -> seen.name().equals(busy))
                    .extracting(DatabaseSeen::connections)
                    .containsExactly(2);
            assertThat(reading.databases())
                    .filteredOn(seen -> seen.name().equals(idle))
                    .extracting(DatabaseSeen::connections)
                    .containsExactly(0);
        }
        ProbeReading unmeasured = probe.probe(admin(postgres.password()), new SizeSlice(List.of(), 0));
        assertThat(unmeasured.databases())
                .filteredOn(seen -> seen.name().equals(busy))
                .extracting(DatabaseSeen::connections)
                .as("read with the size only")
                .containsOnlyNulls();
    }

    @Test
    void aSliceMeasuresTheNeverMeasuredFirstThenTheLeastRecentlyMeasuredAndSeesTheRest() throws SQLException {
        String oldest = provisioned();
        String newest = provisioned();
        String never = provisioned();
        List<String> daapDatabases =
                probe.probe(admin(postgres.password()), new SizeSlice(List.of(), 0)).databases().stream()
                        .map(DatabaseSeen::name)
                        .toList();
        assertThat(daapDatabases).contains(oldest, newest, never);
        List<String> measuredBefore = new ArrayList<>(List.of(oldest));
        daapDatabases.stream()
                .filter(name -> !List.of(oldest, newest, never).contains(name))
                .forEach(measuredBefore::add);
        measuredBefore.add(newest);

        ProbeReading reading = probe.probe(admin(postgres.password()), new SizeSlice(measuredBefore, 2));

        assertThat(reading.databases())
                .filteredOn(DatabaseSeen::measured)
                .extracting(DatabaseSeen::name)
                .containsExactlyInAnyOrder(never, oldest);
        assertThat(reading.databaseSizes()).containsOnlyKeys(never, oldest);
        assertThat(reading.databases())
                .extracting(DatabaseSeen::name)
                .as("every one of DAAP's databases is seen, measured or not")
                .containsAll(daapDatabases);
    }

    @Test
    void theQueryForWhenSizesTakeTooLongReadsEverythingButTheSizes() throws SQLException {
        String orders = provisioned();
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                PreparedStatement statement = connection.prepareStatement(PostgresClusterProbe.QUERY_WITHOUT_SIZES)) {
            statement.setArray(1, connection.createArrayOf("text", new String[0]));
            statement.setInt(2, Integer.MAX_VALUE);
            List<String> names = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString("datname"));
                    assertThat(rows.getObject("size_bytes")).isNull();
                    assertThat(rows.getString("server_version")).startsWith("17.");
                    assertThat(rows.getInt("max_connections")).isPositive();
                }
            }
            assertThat(names).contains(orders, "postgres");
        }
        assertThat(PostgresClusterProbe.QUERY).contains(PostgresClusterProbe.SIZES);
    }

    @Test
    void aClusterThatRefusesConnectionsIsNamedByItsAddress() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AdminUrl nowhere = new AdminUrl("127.0.0.1", closedPort, "postgres", "admin", "pw-secret", Map.of());

        assertThatThrownBy(() -> probe.probe(nowhere, EVERY_SIZE))
                .isInstanceOf(ClusterProbeException.class)
                .hasMessageStartingWith("cannot reach the cluster at 127.0.0.1:" + closedPort + " while probing")
                .message()
                .doesNotContain("pw-secret");
    }

    @Test
    void aRejectedAdminLoginSaysSoAndNeverShowsThePassword() {
        assertThatThrownBy(() -> probe.probe(admin("not-the-password"), EVERY_SIZE))
                .isInstanceOf(ClusterProbeException.class)
                .hasMessageContaining("rejected the admin login")
                .message()
                .doesNotContain("not-the-password");
    }

    @Test
    void aClusterThatTakesConnectionsButNeverAnswersCostsTheTimeoutAndNoMore() throws Exception {
        try (var silent = new ServerSocket(0)) { // listens, so connecting succeeds, and never says a word
            AdminUrl admin = new AdminUrl("127.0.0.1", silent.getLocalPort(), "postgres", "admin", "pw", Map.of());
            var quick = new PostgresClusterProbe(Duration.ofSeconds(1));

            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThatThrownBy(() -> quick.probe(admin, EVERY_SIZE))
                            .isInstanceOf(ClusterProbeException.class)
                            .hasMessageContaining("127.0.0.1:" + silent.getLocalPort()));
        }
    }

    private String provisioned() {
        String name = uniqueName();
        provisioner.provision(new DatabaseId(UUID.randomUUID()), new NameOnCluster(name), "pw-" + UUID.randomUUID());
        return name;
    }

    private String uniqueName() {
        String name = "probe_" + UUID.randomUUID().toString().substring(0, 8);
        made.add(name);
        return name;
    }

    private static AdminUrl admin(String password) {
        return new AdminUrl(postgres.host(), postgres.port(), "postgres", postgres.user(), password, Map.of());
    }

    private static void superuser(String sql) throws SQLException {
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
