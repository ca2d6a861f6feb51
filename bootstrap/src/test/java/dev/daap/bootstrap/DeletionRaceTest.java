package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioner;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.DomainException;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: of a restore and a purge of the same deleted database that start together, exactly
 * one wins, and a purge never drops a database that is being restored (or was restored): every restored database is
 * ready with its data's catalog entries, every purged one is gone from the cluster.
 */
class DeletionRaceTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private static final int DATABASES = 10;
    private final TestPostgres postgres = TestPostgres.shared();
    private final String team = "race" + Long.toHexString(System.nanoTime() & 0xffffffffL);

    @Test
    void aRestoreAndAPurgeThatStartTogetherNeverBothWinAndAPurgeNeverDropsARestoredDatabase() throws Exception {
        var dataSource = postgres.dataSource(postgres.createDatabase("deletion_race"));
        new Migrator(dataSource, "daap").up();
        DSLContext dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES (?, 'Race')", team);
        var config = DaapConfig.fromEnvironment(Map.of());
        var provisioner = new PostgresProvisioner(postgres.dataSource("postgres"), postgres.host(), postgres.port());
        var first = new Wiring(dsl, config, new CredentialCipher(new byte[32]), target -> provisioner);
        var second = new Wiring(dsl, config, new CredentialCipher(new byte[32]), target -> provisioner);
        TestClusters.registerDefault(first, postgres);
        List<DatabaseId> ids = new ArrayList<>();
        for (int i = 0; i < DATABASES; i++) {
            ids.add(first.createDatabase()
                    .execute(ADMIN, CreateDatabaseCommand.of("db-" + i, team, "race", null))
                    .id());
        }
        runJobs(first);
        ids.forEach(id -> first.databaseUseCases().delete().execute(ADMIN, id, VersionPrecondition.ANY, false));
        runJobs(first);

        List<String> winners = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (DatabaseId id : ids) {
                var barrier = new CyclicBarrier(2);
                var restore = CompletableFuture.supplyAsync(
                        outcome(barrier, () -> first.restoreDatabase().execute(ADMIN, id, Optional.empty())), threads);
                var purge = CompletableFuture.supplyAsync(
                        outcome(
                                barrier,
                                () -> second.databaseUseCases()
                                        .delete()
                                        .execute(ADMIN, id, VersionPrecondition.ANY, true)),
                        threads);
                boolean restored = restore.get(30, TimeUnit.SECONDS);
                boolean purged = purge.get(30, TimeUnit.SECONDS);
                assertThat(restored ^ purged)
                        .as("exactly one of restore and purge wins for %s", id)
                        .isTrue();
                winners.add(restored ? "restore" : "purge");
            }
        } finally {
            threads.shutdownNow();
        }
        // Both instances' workers take the jobs, in turns.
        while (first.jobRunner().runNext("a") | second.jobRunner().runNext("b")) {
            // until none is due
        }

        for (int i = 0; i < DATABASES; i++) {
            Database database = first.getDatabase().execute(ADMIN.principal(), ids.get(i));
            NameOnCluster name = database.nameOnCluster();
            if (winners.get(i).equals("restore")) {
                assertThat(database.status()).isEqualTo(DatabaseStatus.READY);
                assertThat(onCluster(name.value())).as("restored %s", name).isTrue();
            } else {
                assertThat(database.status()).isEqualTo(DatabaseStatus.PURGED);
                assertThat(onCluster(name.value())).isFalse();
                assertThat(onCluster(NameOnCluster.parked(database.id()).value()))
                        .isFalse();
            }
        }
    }

    /** True when {@code action} succeeded; false when the domain refused it (the other one won). */
    private static Supplier<Boolean> outcome(CyclicBarrier barrier, Supplier<Database> action) {
        return () -> {
            try {
                barrier.await(10, TimeUnit.SECONDS);
                action.get();
                return true;
            } catch (DomainException refused) {
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void runJobs(Wiring wiring) {
        while (wiring.jobRunner().runNext("worker")) {
            // until none is due
        }
    }

    private boolean onCluster(String name) throws Exception {
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
