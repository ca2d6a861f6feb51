package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.daap.adapters.backup.ChunkedAesGcm;
import dev.daap.adapters.backup.FolderBackupStore;
import dev.daap.adapters.backup.PgClientTools;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.adapters.postgres.provisioning.PostgresTableCensus;
import dev.daap.application.cluster.RegisterClusterCommand;
import dev.daap.application.credential.Credentials;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.bootstrap.observability.Telemetry;
import dev.daap.bootstrap.observability.TelemetrySettings;
import dev.daap.domain.access.Caller;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupCipher;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.TableCount;
import dev.daap.domain.backup.Verification;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.error.BackupUnavailableException;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of databases on a Debian PostgreSQL 15 cluster with Debian's own client tools, into a folder, through the
 * real job runner: what is stored is pg_dump's archive of every kind of object, encrypted, with the size and SHA-256
 * the record says; a worker that dies while streaming, before the store commits or after it, leaves a job that
 * converges; and a PostgreSQL 17 cluster, which Debian's tools 15 cannot dump, is refused with what to install.
 */
class BackupsEndToEndTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private static final Path RESTORE = Path.of("/usr/lib/postgresql/15/bin/pg_restore");
    private static DebianPostgres debian;
    /** A second cluster, where backups are restored: a move between clusters. */
    private static DebianPostgres other;

    private final TestPostgres postgres = TestPostgres.shared();

    @TempDir
    Path folder;

    private TestClock clock;
    private DSLContext dsl;
    private CrashingStore store;
    private BackupCipher cipher;
    private Wiring wiring;

    @BeforeAll
    static void startDebian() throws Exception {
        debian = DebianPostgres.start();
        other = DebianPostgres.start();
    }

    @AfterAll
    static void stopDebian() throws Exception {
        try {
            debian.close();
        } finally {
            other.close();
        }
    }

    @BeforeEach
    void freshMetadata() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("backups"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        var config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        clock = TestClock.at(Instant.now());
        var credentialCipher = new CredentialCipher(new byte[32]);
        cipher = new ChunkedAesGcm(credentialCipher.derivedKey("backups"));
        store = new CrashingStore(new FolderBackupStore(folder));
        wiring = new Wiring(
                dsl,
                config,
                credentialCipher,
                new PostgresProvisioners(),
                Wiring.ClusterSide.of(config, Optional.empty()),
                clock,
                Telemetry.start(TelemetrySettings.off(), Optional.empty()),
                new Wiring.BackupSide(store, cipher, PgClientTools.discover(List.of(), System.getenv("PATH"))));
    }

    @Test
    void aBackupOfADebian15DatabaseHoldsEveryKindOfObjectEncryptedAndMeasured() throws Exception {
        Database database = readyOnDebian();
        execute(
                database,
                "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL)",
                "CREATE INDEX customers_name_idx ON customers (name)",
                "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 5000) g",
                "CREATE SEQUENCE invoice_numbers START 1000",
                "CREATE VIEW named_customers AS SELECT name FROM customers",
                "CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$",
                "SELECT lo_from_bytea(0, 'a large object')");

        Backup backup = wiring.backupUseCases().take().execute(ADMIN, database.id());
        runJobs();

        Backup ready = wiring.backups.find(backup.id()).orElseThrow();
        assertThat(ready.status()).as(ready.failureReason()).isEqualTo(BackupStatus.READY);
        assertThat(ready.serverVersion()).startsWith("15.");
        byte[] stored = Files.readAllBytes(folder.resolve(backup.id().storeKey()));
        assertThat(ready.sizeBytes()).isEqualTo(stored.length);
        assertThat(ready.sha256()).isEqualTo(sha256(stored));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("PGDMP")
                .doesNotContain("customers");
        assertThat(contentsOf(ready))
                .contains("TABLE public customers")
                .contains("INDEX public customers_name_idx")
                .contains("SEQUENCE public invoice_numbers")
                .contains("VIEW public named_customers")
                .contains("FUNCTION public shout(text)")
                .contains("BLOB")
                .contains("TABLE DATA public customers");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aBackupRestoredOnAnotherClusterBringsBackTablesIndexesSequencesViewsFunctionsAndLargeObjects()
            throws Exception {
        Database database = readyOnDebian();
        execute(
                database,
                "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL)",
                "CREATE INDEX customers_name_idx ON customers (name)",
                "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 5000) g",
                "CREATE SEQUENCE invoice_numbers START 1000",
                "SELECT nextval('invoice_numbers')",
                "CREATE VIEW named_customers AS SELECT name FROM customers WHERE id <= 10",
                "CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$",
                "SELECT lo_from_bytea(4242, 'a large object')");
        List<String> before = fingerprint(database);
        Backup backup = wiring.backupUseCases().take().execute(ADMIN, database.id());
        runJobs();
        registerOther();

        Database restored = wiring.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of(
                                uniqueName(),
                                "platform",
                                "restored elsewhere",
                                null,
                                new CreateDatabaseCommand.Placement(null, null, "other"),
                                new CreateDatabaseCommand.Source(
                                        null, null, backup.id().toString())));
        runJobs();

        Database ready = wiring.getDatabase().execute(ADMIN.principal(), restored.id());
        assertThat(ready.status()).as(ready.failureReason()).isEqualTo(DatabaseStatus.READY);
        assertThat(ready.cluster().name().value()).isEqualTo("other");
        assertThat(fingerprint(ready)).isEqualTo(before);
        execute(ready, "INSERT INTO customers (name) VALUES ('written by the new role')");
    }

    @Test
    void eachTableIsCountedInTheSnapshotThatWasDumpedAndARestoredCopyCountsTheSame() throws Exception {
        Database database = readyOnDebian();
        execute(
                database,
                "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL, seen timestamptz, score float8)",
                "INSERT INTO customers (name, seen, score) SELECT 'customer ' || g, now() - g * interval '1 hour',"
                        + " g / 3.0 FROM generate_series(1, 5000) g",
                "CREATE TABLE \"Mixed Case\" (id int)");
        // Rows written while pg_dump runs are in neither the counts nor the archive.
        store.onFirstWrite = () -> execute(database, "INSERT INTO customers (name) VALUES ('too late')");

        Backup backup = wiring.backupUseCases().take().execute(ADMIN, database.id());
        runJobs();

        Backup ready = wiring.backups.find(backup.id()).orElseThrow();
        assertThat(ready.status()).as(ready.failureReason()).isEqualTo(BackupStatus.READY);
        assertThat(ready.tables())
                .extracting(TableCount::table, TableCount::rows)
                .containsExactlyInAnyOrder(tuple("public.customers", 5000L), tuple("public.Mixed Case", 0L));
        TableCount customers = ready.tables().stream()
                .filter(table -> table.table().equals("public.customers"))
                .findFirst()
                .orElseThrow();
        registerOther();
        Database restored = wiring.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of(
                                uniqueName(),
                                "platform",
                                "counted again",
                                null,
                                new CreateDatabaseCommand.Placement(null, null, "other"),
                                new CreateDatabaseCommand.Source(
                                        null, null, backup.id().toString())));
        runJobs();
        Database copy = wiring.getDatabase().execute(ADMIN.principal(), restored.id());
        var otherCluster = wiring.clusterTargets.target(copy.cluster(), "the test");
        assertThat(new PostgresTableCensus().count(otherCluster, copy.nameOnCluster()))
                .as("another server, another session: the same rows count and hash the same")
                .isEqualTo(ready.tables());
        var sourceCluster = wiring.clusterTargets.target(database.cluster(), "the test");
        assertThat(new PostgresTableCensus().count(sourceCluster, database.nameOnCluster()))
                .as("the row written during the dump changes the source's count and checksum")
                .filteredOn(table -> table.table().equals("public.customers"))
                .singleElement()
                .satisfies(now -> {
                    assertThat(now.rows()).isEqualTo(5001L);
                    assertThat(now.checksum()).isNotEqualTo(customers.checksum());
                });
    }

    @Test
    void aRestoreDrillProvesABackupOnTheRealClusterAndCatchesOneThatDiffers() throws Exception {
        Database database = readyOnDebian();
        execute(
                database,
                "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 2000) g");
        Backup backup = wiring.backupUseCases().take().execute(ADMIN, database.id());
        runJobs();
        // A worker died after it made the scratch database, before it restored: the retry finds it and goes on.
        String scratch = "daap_drill_" + backup.id().value().toString().replace("-", "");
        String password = "drill-" + System.nanoTime();
        var provisioner = wiring.clusterTargets.provisionerFor(database.cluster(), "the test");
        provisioner.provision(new DatabaseId(backup.id().value()), new NameOnCluster(scratch), password);

        Backup drilling = wiring.backupUseCases().verify().execute(ADMIN, backup.id());
        runJobs();

        Backup passed = wiring.backups.find(backup.id()).orElseThrow();
        assertThat(drilling.verification().status()).isEqualTo(Verification.Status.PENDING);
        assertThat(passed.verification().status())
                .as(passed.verification().detail())
                .isEqualTo(Verification.Status.PASSED);
        assertThat(passed.verification().detail()).contains("1 tables counted and hashed as recorded");
        assertThat(passed.verifiedAt()).isNotNull();
        assertThat(databasesOnDebian()).as("the scratch database is dropped").doesNotContain(scratch);

        // What was recorded no longer matches what the archive holds (as if the dump had lost rows): it fails.
        dsl.execute(
                "UPDATE daap.backups SET tables = jsonb_set(tables, '{0,rows}', '2001') WHERE id = ?",
                backup.id().value());
        wiring.backupUseCases().verify().execute(ADMIN, backup.id());
        runJobs();

        Backup failed = wiring.backups.find(backup.id()).orElseThrow();
        assertThat(failed.verification().status()).isEqualTo(Verification.Status.FAILED);
        assertThat(failed.verification().detail()).isEqualTo("public.customers has 2000 rows, not 2001");
        assertThat(failed.verifiedAt()).isEqualTo(passed.verifiedAt());
        assertThat(databasesOnDebian()).doesNotContain(scratch);
    }

    @Test
    void aFlippedByteFailsTheRestoreWithAClearReasonAndLeavesNothingRestored() throws Exception {
        Database database = readyOnDebian();
        execute(database, "CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 1000) g");
        Backup backup = wiring.backupUseCases().take().execute(ADMIN, database.id());
        runJobs();
        Path object = folder.resolve(backup.id().storeKey());
        byte[] stored = Files.readAllBytes(object);
        stored[stored.length - 40] ^= 0x01;
        Files.write(object, stored);

        Database restored = wiring.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of(
                                uniqueName(),
                                "platform",
                                "from a damaged backup",
                                null,
                                CreateDatabaseCommand.Placement.ANYWHERE,
                                new CreateDatabaseCommand.Source(
                                        null, null, backup.id().toString())));
        for (int attempt = 0; attempt < 8; attempt++) {
            runJobs();
            clock.advance(Duration.ofMinutes(10)); // past every retry's backoff
        }

        Database failed = wiring.getDatabase().execute(ADMIN.principal(), restored.id());
        assertThat(failed.status()).isEqualTo(DatabaseStatus.FAILED);
        assertThat(failed.failureReason())
                .contains("backup " + backup.id() + " cannot be restored, nothing was restored from it")
                .contains("does not authenticate");
        try (Connection admin = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + debianPort() + "/"
                                + failed.nameOnCluster().value(),
                        "postgres",
                        "debian-pg-secret");
                var statement = admin.createStatement();
                var tables = statement.executeQuery(
                        "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
            tables.next();
            assertThat(tables.getLong(1)).as("relations restored").isZero();
        }
    }

    @Test
    void aWorkerThatDiesWhileStreamingBeforeOrAfterTheCommitLeavesAJobThatConverges() throws Exception {
        Database database = readyOnDebian();
        execute(database, "CREATE TABLE t AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g");

        for (Crash crash : Crash.values()) {
            Backup backup = wiring.backupUseCases().take().execute(ADMIN, database.id());
            store.crash = crash;
            assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies"))
                    .as(crash.name())
                    .isInstanceOf(SimulatedCrash.class);
            store.crash = null;
            assertThat(wiring.jobRunner().runNext("other-worker"))
                    .as("the dead worker's lease still holds")
                    .isFalse();
            clock.advance(Duration.ofSeconds(31));
            assertThat(wiring.jobRunner().runNext("other-worker"))
                    .as(crash.name())
                    .isTrue();

            Backup ready = wiring.backups.find(backup.id()).orElseThrow();
            assertThat(ready.status()).as(crash.name()).isEqualTo(BackupStatus.READY);
            assertThat(ready.sha256())
                    .as(crash.name())
                    .isEqualTo(
                            sha256(Files.readAllBytes(folder.resolve(backup.id().storeKey()))));
            assertThat(contentsOf(ready)).as(crash.name()).contains("TABLE DATA public t");
            assertThat(partFiles()).as(crash.name()).isEmpty();
        }
    }

    @Test
    void aClusterNewerThanEveryPgDumpHereIsRefusedNamingWhatToInstall() {
        // The metadata server is PostgreSQL 17, the default cluster here; Debian's tools on this machine are 15.
        TestClusters.registerDefault(wiring, postgres);
        Database database = wiring.createDatabase()
                .execute(ADMIN, CreateDatabaseCommand.of(uniqueName(), "platform", "on 17", null));
        runJobs();

        assertThatThrownBy(() -> wiring.backupUseCases().take().execute(ADMIN, database.id()))
                .isInstanceOf(BackupUnavailableException.class)
                .hasMessageContaining("cluster default")
                .hasMessageContaining("postgresql-client-17")
                .hasMessageContaining("DAAP_PG_BIN_DIRS");
        assertThat(wiring.backups.liveOf(database.id())).isEmpty();
    }

    /** A database on the Debian 15 server, registered as the default cluster. */
    private Database readyOnDebian() {
        wiring.registerDefaultCluster()
                .execute(AdminUrl.parse(debian.databaseUrl()), ClientEndpoint.DEFAULTS)
                .orElseThrow();
        Database created = wiring.createDatabase()
                .execute(ADMIN, CreateDatabaseCommand.of(uniqueName(), "platform", "backed up", null));
        runJobs();
        Database ready = wiring.getDatabase().execute(ADMIN.principal(), created.id());
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        return ready;
    }

    /** What a restore must bring back, read as the database's own role. */
    private List<String> fingerprint(Database database) throws SQLException {
        Credentials credentials = wiring.readCredentials().execute(ADMIN, database.id());
        ConnectionDetails connection = credentials.connection();
        try (Connection session = DriverManager.getConnection(
                        "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/"
                                + connection.database(),
                        connection.username(),
                        credentials.password());
                var statement = session.createStatement();
                var rows = statement.executeQuery("""
                        SELECT (SELECT count(*) || ' ' || md5(string_agg(id || name, ',' ORDER BY id)) FROM customers),
                               (SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes
                                 WHERE tablename = 'customers'),
                               (SELECT last_value::text FROM invoice_numbers),
                               (SELECT string_agg(name, ',' ORDER BY name) FROM named_customers),
                               shout('quiet'),
                               convert_from(lo_get(4242), 'UTF8'),
                               (SELECT max(id)::text FROM customers)
                        """)) {
            rows.next();
            return List.of(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getString(5),
                    rows.getString(6),
                    rows.getString(7));
        }
    }

    private void registerOther() {
        wiring.clusterUseCases()
                .register()
                .execute(
                        ADMIN,
                        RegisterClusterCommand.of(new RegisterClusterCommand.Fields(
                                "other", other.databaseUrl(), null, null, null, null, null, null, null)));
    }

    private static List<String> databasesOnDebian() throws SQLException {
        try (Connection admin = debian.connect();
                var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static int debianPort() {
        return AdminUrl.parse(debian.databaseUrl()).port();
    }

    /** pg_restore's table of contents of the decrypted backup. */
    private String contentsOf(Backup backup) throws Exception {
        Path plain = folder.resolve("plain.dump");
        try (InputStream in = cipher.decrypting(store.read(backup.id().storeKey()), backup.id())) {
            Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process list = new ProcessBuilder(RESTORE.toString(), "--list", plain.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(list.exitValue()).as(output).isZero();
        Files.delete(plain);
        return output;
    }

    private List<String> partFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".part"))
                    .toList();
        }
    }

    private void runJobs() {
        while (wiring.jobRunner().runNext("worker")) {
            // every due job, one after the other
        }
    }

    private void execute(Database database, String... statements) throws SQLException {
        Credentials credentials = wiring.readCredentials().execute(ADMIN, database.id());
        ConnectionDetails connection = credentials.connection();
        try (Connection session = DriverManager.getConnection(
                        "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/"
                                + connection.database(),
                        connection.username(),
                        credentials.password());
                var statement = session.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String uniqueName() {
        return "b" + Long.toHexString(System.nanoTime());
    }

    /** Where the worker dies. */
    private enum Crash {
        /** After 64 KiB of the dump reached the store. */
        WHILE_STREAMING,
        /** Everything written, before the store commits the object. */
        BEFORE_THE_COMMIT,
        /** The object committed, before the record says ready. */
        AFTER_THE_COMMIT
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash(Crash where) {
            super("simulated crash " + where);
        }
    }

    /**
     * The real folder store, and a worker that dies at {@link #crash}: a dead process runs no cleanup, so the upload
     * it dies in is neither committed nor closed.
     */
    private static final class CrashingStore implements BackupStore {
        private final BackupStore real;
        volatile Crash crash;
        /** Run once, when the first bytes of a dump arrive (pg_dump has its snapshot by then). */
        volatile ThrowingRunnable onFirstWrite;

        CrashingStore(BackupStore real) {
            this.real = real;
        }

        @Override
        public Upload upload(String key) {
            Upload upload = real.upload(key);
            return new Upload() {
                private boolean dead;
                private final OutputStream stream = new FilterOutputStream(upload.stream()) {
                    private long written;

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        ThrowingRunnable first = onFirstWrite;
                        if (written == 0 && first != null) {
                            onFirstWrite = null;
                            try {
                                first.run();
                            } catch (Exception e) {
                                throw new IOException(e);
                            }
                        }
                        out.write(bytes, offset, length);
                        written += length;
                        if (crash == Crash.WHILE_STREAMING && written > 64 * 1024) {
                            throw die(Crash.WHILE_STREAMING);
                        }
                    }
                };

                @Override
                public OutputStream stream() {
                    return stream;
                }

                @Override
                public void commit() {
                    if (crash == Crash.BEFORE_THE_COMMIT) {
                        throw die(Crash.BEFORE_THE_COMMIT);
                    }
                    upload.commit();
                    if (crash == Crash.AFTER_THE_COMMIT) {
                        throw die(Crash.AFTER_THE_COMMIT);
                    }
                }

                @Override
                public void close() {
                    if (!dead) {
                        upload.close();
                    }
                }

                private SimulatedCrash die(Crash where) {
                    dead = true;
                    return new SimulatedCrash(where);
                }
            };
        }

        @Override
        public InputStream read(String key) {
            return real.read(key);
        }

        @Override
        public void delete(String key) {
            real.delete(key);
        }

        @Override
        public String describe() {
            return real.describe();
        }
    }
}
