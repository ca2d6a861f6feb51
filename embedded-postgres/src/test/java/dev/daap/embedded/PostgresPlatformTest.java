package dev.daap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The choice of binaries for every platform zonky publishes PostgreSQL 17 for, with the os.name and os.arch that
 * JVMs report there, and a clear refusal, naming the platform, everywhere else. Only Linux x86-64 runs the
 * binaries in this suite; the others are checked here by their names.
 */
class PostgresPlatformTest {

    @ParameterizedTest(name = "{0} {1} musl={2} -> {3}")
    @CsvSource({
        "Linux,        amd64,   false, LINUX_AMD64,        postgres-linux-x86_64.txz",
        "Linux,        x86_64,  false, LINUX_AMD64,        postgres-linux-x86_64.txz",
        "Linux,        amd64,   true,  LINUX_AMD64_ALPINE, postgres-linux-x86_64-alpine_linux.txz",
        "Linux,        aarch64, false, LINUX_ARM64V8,      postgres-linux-arm_64.txz",
        "Mac OS X,     x86_64,  false, DARWIN_AMD64,       postgres-darwin-x86_64.txz",
        "Mac OS X,     aarch64, false, DARWIN_ARM64V8,     postgres-darwin-arm_64.txz",
        "Darwin,       arm64,   false, DARWIN_ARM64V8,     postgres-darwin-arm_64.txz",
        "Windows 11,   amd64,   false, WINDOWS_AMD64,      postgres-windows-x86_64.txz",
        "Windows Server 2022, amd64, false, WINDOWS_AMD64, postgres-windows-x86_64.txz",
    })
    void picksThePublishedBinariesOfTheRunningPlatform(
            String osName, String osArch, boolean musl, PostgresPlatform expected, String archive) {
        PostgresPlatform platform = PostgresPlatform.of(osName, osArch, musl);

        assertThat(platform).isEqualTo(expected);
        assertThat(platform.archive()).isEqualTo(archive);
    }

    @ParameterizedTest(name = "{0} {1} musl={2}")
    @CsvSource({
        "Linux,      aarch64, true,  Linux aarch64 (musl libc)",
        "Linux,      ppc64le, false, Linux ppc64le",
        "Linux,      x86,     false, Linux x86",
        "Linux,      arm,     false, Linux arm",
        "Windows 11, aarch64, false, Windows 11 aarch64",
        "Windows 10, x86,     false, Windows 10 x86",
        "FreeBSD,    amd64,   false, FreeBSD amd64",
        "SunOS,      sparcv9, false, SunOS sparcv9",
    })
    void refusesEveryOtherPlatformByNameAndSaysWhatExists(String osName, String osArch, boolean musl, String named) {
        assertThatThrownBy(() -> PostgresPlatform.of(osName, osArch, musl))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("no embedded PostgreSQL 17 is published for " + named)
                .hasMessageContaining(
                        "linux-amd64, linux-amd64-alpine, linux-arm64v8, darwin-amd64, darwin-arm64v8, windows-amd64")
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void windowsProgramsEndInExeAndNoOthersDo() {
        assertThat(PostgresPlatform.WINDOWS_AMD64.program("pg_ctl")).isEqualTo("bin/pg_ctl.exe");
        for (PostgresPlatform platform : EnumSet.complementOf(EnumSet.of(PostgresPlatform.WINDOWS_AMD64))) {
            assertThat(platform.program("initdb")).as(platform.name()).isEqualTo("bin/initdb");
        }
    }

    @Test
    void eachPlatformNamesItsMavenArtifactAndProfile() {
        assertThat(PostgresPlatform.DARWIN_ARM64V8.artifactSuffix()).isEqualTo("darwin-arm64v8");
        assertThat(PostgresPlatform.DARWIN_ARM64V8.mavenProfile()).isEqualTo("postgres-darwin-arm64v8");
        assertThat(PostgresPlatform.LINUX_AMD64_ALPINE.mavenProfile()).isEqualTo("postgres-linux-amd64-alpine");
    }

    @Test
    void theBuildCarriesTheBinariesOfTheMachineItRanOn() {
        // The pom's profiles and PostgresPlatform must agree; on Linux x86-64 (CI) the suite then runs them for real.
        PostgresPlatform here = PostgresPlatform.current();

        assertThat(getClass().getClassLoader().getResource(here.archive()))
                .as("%s on the class path", here.archive())
                .isNotNull();
    }

    @Test
    void aJarBuiltElsewhereSaysWhichBinariesItCarriesAndHowToGetTheRightOnes() {
        String message =
                PostgresBinaries.missingArchive(PostgresPlatform.DARWIN_ARM64V8, Set.of(PostgresPlatform.LINUX_AMD64));

        assertThat(message)
                .contains("carries the PostgreSQL binaries for linux-amd64 only, not those for darwin-arm64v8")
                .contains("./mvnw -B -DskipTests package")
                .contains("-Ppostgres-darwin-arm64v8")
                .contains("DATABASE_URL");
    }

    @Test
    void aJarWithoutAnyBinariesSaysSo() {
        assertThat(PostgresBinaries.missingArchive(PostgresPlatform.WINDOWS_AMD64, Set.of()))
                .contains("carries no PostgreSQL binaries", "not those for windows-amd64", "-Ppostgres-windows-amd64");
    }
}
