package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.client.ApiClient;
import dev.daap.client.api.CredentialsApi;
import dev.daap.client.api.DatabasesApi;
import dev.daap.client.model.Credentials;
import dev.daap.client.model.Database;
import dev.daap.client.model.DatabaseCreate;
import dev.daap.client.model.DatabaseStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is usable, not only valid: the build generates a Java client from it (OpenAPI Generator,
 * java.net.http and Jackson; see bootstrap/pom.xml), and this drives a database's whole life through that client
 * alone, against DAAP with its workers on PostgreSQL. A schema the server does not keep to, or a client method that
 * cannot express a call, fails here.
 */
class GeneratedClientEndToEndTest {
    @Test
    void aDatabaseIsCreatedProvisionedReadAndDeletedThroughTheGeneratedClient() throws Exception {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of("DAAP_JOB_POLL_INTERVAL", "1s"))) {
            daap.teamsExist("platform");
            ApiClient client = new ApiClient();
            client.updateBaseUri("http://127.0.0.1:" + daap.port());
            client.setRequestInterceptor(
                    request -> request.header("Authorization", "Bearer " + RunningDaap.ADMIN_TOKEN));
            var databases = new DatabasesApi(client);
            String name = "client-" + Long.toHexString(System.nanoTime());
            String onCluster = "platform_" + name.replace('-', '_'); // its name on the cluster

            Database created = databases.createDatabase(
                    new DatabaseCreate()
                            .name(name)
                            .ownerTeam("platform")
                            .purpose("made by the generated client")
                            .labels(Map.of("env", "test")),
                    "client-" + UUID.randomUUID(),
                    null);
            assertThat(created.getStatus()).isEqualTo(DatabaseStatus.PENDING);
            assertThat(created.getConnection()).isNull();
            assertThat(created.getLabels()).containsEntry("env", "test");
            UUID id = created.getId();

            Database ready = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> databases.getDatabase(id), database -> database.getStatus() == DatabaseStatus.READY);
            assertThat(ready.getConnection().getDatabase()).isEqualTo(onCluster);
            assertThat(ready.getCluster()).isEqualTo("default");
            assertThat(ready.getVersion()).isGreaterThan(created.getVersion());

            Credentials credentials = new CredentialsApi(client).readCredentials(id);
            assertThat(credentials.getUri()).startsWith("postgresql://" + onCluster + ":");
            try (Connection session = DriverManager.getConnection(
                            "jdbc:postgresql://" + credentials.getHost() + ":" + credentials.getPort() + "/"
                                    + credentials.getDatabase(),
                            credentials.getUsername(),
                            credentials.getPassword());
                    var statement = session.createStatement();
                    var rows = statement.executeQuery("SELECT current_database()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(onCluster);
            }

            Database deleting = databases.deleteDatabase(id, "\"" + ready.getVersion() + "\"", null);
            assertThat(deleting.getStatus()).isEqualTo(DatabaseStatus.DELETING);
            Database deleted = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> databases.getDatabase(id), database -> database.getStatus() == DatabaseStatus.DELETED);
            assertThat(deleted.getRestorableUntil()).isNotNull();

            assertThat(databases.deleteDatabase(id, null, true).getStatus()).isEqualTo(DatabaseStatus.PURGING);
            Database purged = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> databases.getDatabase(id), database -> database.getStatus() == DatabaseStatus.PURGED);
            assertThat(purged.getConnection()).isNull();
        }
    }
}
