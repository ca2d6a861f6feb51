package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.TableCount;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backups over HTTP, on the fakes of the ports (real pg_dump and PostgreSQL: BackupsEndToEndTest). */
class BackupsApiTest extends ApiTest {

    @Test
    void aBackupIsCreatingAt202ThenReadyWithTheSizeAndDigestOfTheEncryptedObject() throws Exception {
        String database = api.createReady("orders");

        TestResponse taken = api.post(database + "/backups");

        assertThat(taken.status()).isEqualTo(202);
        JsonNode backup = taken.json();
        String id = backup.path("id").asText();
        assertThat(backup.path("status").asText()).isEqualTo("creating");
        assertThat(backup.path("cluster").asText()).isEqualTo("default");
        assertThat(backup.path("sha256").isNull()).isTrue();
        assertThat(taken.header("Location")).isEqualTo("/v1/backups/" + id);
        assertThat(api.get("/v1/operations/"
                                + backup.path("latest_operation_id").asText())
                        .json()
                        .path("kind")
                        .asText())
                .isEqualTo("backup");

        api.runJobs();

        JsonNode ready = api.get("/v1/backups/" + id).json();
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("server_version").asText()).isEqualTo("17.6");
        assertThat(ready.path("finished_at").isNull()).isFalse();
        BackupId backupId = BackupId.parse(id);
        byte[] stored = api.backupStore.object(backupId.storeKey()).orElseThrow();
        assertThat(ready.path("size_bytes").asLong()).isEqualTo(stored.length);
        assertThat(ready.path("sha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("fake dump");
        try (InputStream plain = api.backupCipher.decrypting(api.backupStore.read(backupId.storeKey()), backupId)) {
            assertThat(new String(plain.readAllBytes(), StandardCharsets.UTF_8)).startsWith("PGDMP fake dump of ");
        }
        assertThat(api.get(database + "/backups").json().path("items"))
                .extracting(item -> item.path("id").asText())
                .containsExactly(id);
    }

    @Test
    void withoutToolsForTheClusterABackupIsA409NamingWhatToInstallAndNothingIsStored() {
        String database = api.createReady("orders");
        api.backupTools.installed(15);

        JsonNode problem = assertProblem(api.post(database + "/backups"), 409, "backup-unavailable");

        assertThat(problem.path("detail").asText()).contains("cluster default").contains("postgresql-client-17");
        assertThat(api.get(database + "/backups").json().path("items")).isEmpty();
    }

    @Test
    void theClustersHealthSaysWhetherItsDatabasesCanBeBackedUpAndWhatToInstall() {
        JsonNode ready = api.get("/v1/clusters/default").json().path("health").path("backups");
        api.backupTools.installed(15);
        JsonNode missing = api.get("/v1/clusters")
                .json()
                .path("items")
                .get(0)
                .path("health")
                .path("backups");

        assertThat(ready.path("available").asBoolean()).isTrue();
        assertThat(ready.path("detail").asText()).contains("pg_dump 17");
        assertThat(missing.path("available").asBoolean()).isFalse();
        assertThat(missing.path("detail").asText()).contains("postgresql-client-17");
    }

    @Test
    void aDatabaseKeepsAtMostItsLimitOfBackupsAndOneBeingDeletedNoLongerCounts() {
        String database = api.createReady("orders");
        String first = api.post(database + "/backups").json().path("id").asText();
        for (int i = 1; i < TestApi.BACKUP_LIMIT; i++) {
            assertThat(api.post(database + "/backups").status()).isEqualTo(202);
        }
        api.runJobs();

        JsonNode problem = assertProblem(api.post(database + "/backups"), 409, "backup-limit");
        assertThat(problem.path("detail").asText()).contains("at most " + TestApi.BACKUP_LIMIT);

        assertThat(api.delete("/v1/backups/" + first).status()).isEqualTo(202);
        assertThat(api.post(database + "/backups").status()).isEqualTo(202);
    }

    @Test
    void theListComesInKeysetPagesNewestFirstAndRefusesAnotherDatabasesToken() {
        String database = api.createReady("orders");
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.addFirst(api.post(database + "/backups").json().path("id").asText());
        }

        JsonNode first = api.get(database + "/backups?page_size=2").json();
        String token = first.path("next_page_token").asText();
        JsonNode second =
                api.get(database + "/backups?page_size=2&page_token=" + token).json();

        List<String> listed = new ArrayList<>();
        first.path("items").forEach(backup -> listed.add(backup.path("id").asText()));
        second.path("items").forEach(backup -> listed.add(backup.path("id").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(taken).hasSize(3);
        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("next_page_token").isNull()).isTrue();
        String other = api.createReady("ledger");
        assertThat(errorFields(assertProblem(api.get(other + "/backups?page_token=" + token), 422, "invalid-input")))
                .containsExactly("page_token");
        assertProblem(api.get(database + "/backups?page_size=501"), 422, "invalid-input");
        assertProblem(api.get(database + "/backups?sort=name"), 422, "invalid-input");
    }

    @Test
    void onlyAReadyDatabaseIsBackedUp() {
        String database = "/v1/databases/" + api.create("orders").path("id").asText();

        assertProblem(api.post(database + "/backups"), 409, "illegal-transition");
    }

    @Test
    void aTeamAdminDeletesABackupAndItsObjectIsGoneFromTheStore() throws IOException {
        String database = api.createReady("orders");
        String id = api.post(database + "/backups").json().path("id").asText();
        api.runJobs();
        String key = BackupId.parse(id).storeKey();
        assertThat(api.backupStore.object(key)).isPresent();
        String member = api.issueKey("payments", Role.MEMBER);
        String admin = api.issueKey("payments", Role.ADMIN);

        assertProblem(api.as(member).delete("/v1/backups/" + id), 403, "forbidden");
        TestResponse deleted = api.as(admin).delete("/v1/backups/" + id);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.json().path("status").asText()).isEqualTo("deleting");
        assertThat(api.as(admin).delete("/v1/backups/" + id).status())
                .as("asked again")
                .isEqualTo(202);
        api.runJobs();

        assertThat(api.backupStore.object(key)).isEmpty();
        assertProblem(api.get("/v1/backups/" + id), 404, "backup-not-found");
        assertThat(api.get(database + "/backups").json().path("items")).isEmpty();
    }

    @Test
    void anotherTeamsBackupIsNotFoundAndAViewerMayReadButNotTakeOne() {
        String database = api.createReady("orders");
        String id = api.post(database + "/backups").json().path("id").asText();
        String otherTeam = api.issueKey("search", Role.ADMIN);
        String viewer = api.issueKey("payments", Role.VIEWER);

        assertProblem(api.as(otherTeam).get("/v1/backups/" + id), 404, "backup-not-found");
        assertProblem(api.as(otherTeam).delete("/v1/backups/" + id), 404, "backup-not-found");
        assertProblem(api.as(otherTeam).post(database + "/backups", null), 404, "database-not-found");
        assertThat(api.as(viewer).get("/v1/backups/" + id).status()).isEqualTo(200);
        assertProblem(api.as(viewer).post(database + "/backups", null), 403, "forbidden");
        assertProblem(api.get("/v1/backups/not-a-uuid"), 422, "invalid-input");
    }

    @Test
    void aBackupBeingTakenCannotBeDeletedYet() {
        String database = api.createReady("orders");
        String id = api.post(database + "/backups").json().path("id").asText();

        assertProblem(api.delete("/v1/backups/" + id), 409, "illegal-transition");
    }

    @Test
    void aBackupOutlivesItsDatabasesPurge() {
        String database = api.createReady("orders");
        String id = api.post(database + "/backups").json().path("id").asText();
        api.runJobs();

        assertThat(api.delete(database + "?purge=true").status()).isLessThan(300);
        api.runJobs();

        assertThat(api.get(database).json().path("status").asText()).isEqualTo("purged");
        assertThat(api.get("/v1/backups/" + id).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void aNewDatabaseRestoredFromABackupIsReadyWithTheBackupsContentsAndCredentialsOfItsOwn() {
        String source = api.createReady("orders");
        String backup = api.post(source + "/backups").json().path("id").asText();
        api.runJobs();

        TestResponse created = api.post("/v1/databases", """
                {"name": "orders-copy", "owner_team": "payments", "purpose": "restored",
                 "source": {"backup_id": "%s"}}""".formatted(backup));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/v1/databases/" + created.json().path("id").asText();
        api.runJobs();

        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");
        String nameOnCluster =
                api.get(path + "/credentials").json().path("database").asText();
        assertThat(new String(api.backupTools.restored().get(nameOnCluster), StandardCharsets.UTF_8))
                .startsWith("PGDMP fake dump of ");
        assertThat(api.get("/v1/audit-events?action=database.create&resource_id="
                                + created.json().path("id").asText())
                        .json()
                        .path("items")
                        .get(0)
                        .path("after")
                        .path("source")
                        .path("backup_id")
                        .asText())
                .isEqualTo(backup);
    }

    @Test
    void aDamagedBackupFailsTheRestoreWithTheReasonAndNothingIsRestored() {
        String source = api.createReady("orders");
        String backup = api.post(source + "/backups").json().path("id").asText();
        api.runJobs();
        byte[] stored =
                api.backupStore.object(BackupId.parse(backup).storeKey()).orElseThrow();
        stored[stored.length / 2] ^= 0x01;

        String path = "/v1/databases/"
                + api.post("/v1/databases", """
                        {"name": "orders-copy", "owner_team": "payments", "purpose": "restored",
                         "source": {"backup_id": "%s"}}""".formatted(backup))
                        .json()
                        .path("id")
                        .asText();
        api.runJobs();
        api.runJobs(); // the second and last attempt

        JsonNode failed = api.get(path).json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asText())
                .contains("backup " + backup + " cannot be restored, nothing was restored from it");
        assertThat(api.backupTools.restored()).isEmpty();
    }

    @Test
    void aDrillRestoresTheBackupComparesItsTablesAndSaysWhatItFound() {
        List<TableCount> tables = List.of(new TableCount("public.orders", 3, "42"));
        api.tableCensus.holds("payments_orders", tables);
        String source = api.createReady("orders");
        String backup = api.post(source + "/backups").json().path("id").asText();
        assertProblem(api.post("/v1/backups/" + backup + "/verify"), 409, "illegal-transition"); // not ready yet
        api.runJobs();
        assertThat(api.get("/v1/backups/" + backup)
                        .json()
                        .path("tables")
                        .get(0)
                        .path("rows")
                        .asLong())
                .isEqualTo(3);
        String scratch = "daap_drill_" + backup.replace("-", "");
        api.tableCensus.holds(scratch, tables);

        TestResponse asked = api.post("/v1/backups/" + backup + "/verify");

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().path("verification").path("status").asText()).isEqualTo("pending");
        assertThat(api.post("/v1/backups/" + backup + "/verify")
                        .json()
                        .path("version")
                        .asLong())
                .as("asked again while pending: the same")
                .isEqualTo(asked.json().path("version").asLong());
        api.runJobs();
        JsonNode passed = api.get("/v1/backups/" + backup).json();
        assertThat(passed.path("verification").path("status").asText()).isEqualTo("passed");
        assertThat(passed.path("verified_at").isNull()).isFalse();
        assertThat(api.backupTools.restored()).containsKey(scratch);
        assertThat(api.provisioner.calls(Action.DEPROVISION))
                .extracting(call -> call.name().value())
                .contains(scratch);

        api.tableCensus.holds(scratch, List.of(new TableCount("public.orders", 2, "41")));
        api.post("/v1/backups/" + backup + "/verify");
        api.runJobs();
        JsonNode failed = api.get("/v1/backups/" + backup).json();
        assertThat(failed.path("verification").path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("verification").path("detail").asText()).isEqualTo("public.orders has 2 rows, not 3");
        assertThat(failed.path("verified_at").asText())
                .as("still when it was last proved")
                .isEqualTo(passed.path("verified_at").asText());
        assertThat(api.get("/v1/events?format=json").body()).contains("backup.verified", "backup.verification_failed");
        assertThat(api.get("/v1/audit-events").body()).contains("backup.verify");
    }

    @Test
    void aDrillOfADamagedBackupFailsWithTheReasonAndAViewerMayNotAskForOne() {
        String source = api.createReady("orders");
        String backup = api.post(source + "/backups").json().path("id").asText();
        api.runJobs();
        assertProblem(
                api.as(api.issueKey("payments", Role.VIEWER)).post("/v1/backups/" + backup + "/verify", null),
                403,
                "forbidden");
        byte[] stored =
                api.backupStore.object(BackupId.parse(backup).storeKey()).orElseThrow();
        stored[stored.length / 2] ^= 0x01;

        api.post("/v1/backups/" + backup + "/verify");
        api.runJobs();

        JsonNode failed = api.get("/v1/backups/" + backup).json();
        assertThat(failed.path("verification").path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("verification").path("detail").asText())
                .contains("backup " + backup + " cannot be restored, nothing was restored from it");
        assertThat(failed.path("verified_at").isNull()).isTrue();
    }

    @Test
    void aTeamRestoresOnlyItsOwnReadyBackups() {
        String source = api.createReady("orders");
        String backup = api.post(source + "/backups").json().path("id").asText();
        String body = """
                {"name": "theirs", "owner_team": "%s", "purpose": "restored", "source": {"backup_id": "%s"}}""";

        assertProblem(api.post("/v1/databases", body.formatted("payments", backup)), 409, "illegal-transition");
        api.runJobs();
        assertProblem(api.post("/v1/databases", body.formatted("search", backup)), 404, "backup-not-found");
        assertProblem(
                api.as(api.issueKey("search", Role.MEMBER)).post("/v1/databases", body.formatted("search", backup)),
                404,
                "backup-not-found");
        JsonNode both = assertProblem(
                api.post("/v1/databases", """
                        {"name": "both", "owner_team": "payments", "purpose": "x",
                         "source": {"backup_id": "%s", "database_id": "%s"}}""".formatted(backup, source.substring(source.lastIndexOf('/') + 1))),
                422,
                "invalid-input");
        assertThat(errorFields(both)).containsExactly("source");
    }
}
