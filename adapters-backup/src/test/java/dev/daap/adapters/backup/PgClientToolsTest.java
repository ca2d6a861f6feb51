package dev.daap.adapters.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.backup.BackupTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools found on this machine (Debian's PostgreSQL 15 client, which .ci/run installs) and in DAAP_PG_BIN_DIRS,
 * and the choice per server version: the oldest pg_dump of the server's major version or newer.
 */
class PgClientToolsTest {
    private static final String DEBIAN_15 = "15.14 (Debian 15.14-0+deb12u1)";

    @TempDir
    Path extra;

    @Test
    void debiansToolsServeA15ServerAndNamePostgresqlClient17ForA17One() {
        PgClientTools tools = PgClientTools.discover(List.of(), "");

        BackupTools.ToolCheck for15 = tools.check(DEBIAN_15);
        assertThat(for15.available()).isTrue();
        assertThat(for15.detail()).startsWith("pg_dump 15.").endsWith("/usr/lib/postgresql/15/bin");
        BackupTools.ToolCheck for17 = tools.check("17.6");
        assertThat(for17.available()).isFalse();
        assertThat(for17.detail())
                .contains("no pg_dump of PostgreSQL 17 or newer", "found: 15.", "postgresql-client-17")
                .contains("DAAP_PG_BIN_DIRS");
    }

    @Test
    void toolsInDaapPgBinDirsServeNewerServersAndTheOldestThatFitsIsChosen() throws IOException {
        fakeTools(extra, "18.1");

        PgClientTools tools = PgClientTools.discover(List.of(extra), "");

        assertThat(tools.check("17.6").detail()).isEqualTo("pg_dump 18.1 in " + extra.toRealPath());
        assertThat(tools.check("18.0").available()).isTrue();
        assertThat(tools.check(DEBIAN_15).detail()).as("15 fits, and is older").contains("pg_dump 15.");
        assertThat(tools.check("19.0").available()).isFalse();
    }

    @Test
    void aFolderWithPgDumpButNoPgRestoreIsNotTaken() throws IOException {
        fakeTools(extra, "18.1");
        Files.delete(extra.resolve("pg_restore"));

        assertThat(PgClientTools.discover(List.of(extra), "").check("17.6").available())
                .isFalse();
    }

    @Test
    void aServerOfUnknownVersionCannotBeBackedUpYet() {
        BackupTools.ToolCheck unknown = PgClientTools.discover(List.of(), "").check(null);

        assertThat(unknown.available()).isFalse();
        assertThat(unknown.detail()).contains("not known yet");
    }

    @Test
    void theMajorVersionIsReadFromEveryFormServersReport() {
        assertThat(PgClientTools.majorOf(DEBIAN_15)).isEqualTo(15);
        assertThat(PgClientTools.majorOf("17.6")).isEqualTo(17);
        assertThat(PgClientTools.majorOf("18beta1")).isEqualTo(18);
        assertThat(PgClientTools.majorOf("9.6.24")).isEqualTo(9);
    }

    /** A pg_dump that only tells its version, and pg_restore and psql beside it: what discovery asks of a folder. */
    private static void fakeTools(Path folder, String version) throws IOException {
        for (String tool : List.of("pg_dump", "pg_restore", "psql")) {
            Path script = folder.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho '" + tool + " (PostgreSQL) " + version + "'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
