package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code daap} script of the checkout, run in a copy whose Maven wrapper and JDK are stand-ins (a real build
 * takes a minute): a build says what it does in two lines and keeps its output in the log it names, unless it
 * fails.
 */
class DaapScriptTest {
    private static final Path CHECKOUT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final String NOISE = "[INFO] line %d of a chatty build";

    @TempDir
    Path copy;

    private Path fakeJdk;

    @BeforeEach
    void copyTheScriptWithStandIns() throws IOException {
        Files.copy(CHECKOUT.resolve("daap"), copy.resolve("daap"));
        Files.copy(CHECKOUT.resolve("jvm.options"), copy.resolve("jvm.options"));
        Files.createDirectories(copy.resolve(".mvn"));
        Files.copy(CHECKOUT.resolve(".mvn/find-jdk.sh"), copy.resolve(".mvn/find-jdk.sh"));
        fakeJdk = copy.resolve("jdk");
        executable(fakeJdk.resolve("bin/javac"), "exit 0");
        executable(fakeJdk.resolve("bin/java"), """
                case "$*" in
                  *-XshowSettings*) echo '    java.specification.version = 21' >&2 ;;
                  *) echo "java $*" ;;
                esac""");
    }

    @Test
    void aFirstBuildSaysWhatItDoesInTwoLinesAndKeepsItsOutputInTheLog() throws Exception {
        mavenWrapper(0, "mkdir -p bootstrap/target && touch bootstrap/target/daap.jar");

        Run run = daap("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0))
                .startsWith("daap: building bootstrap/target/daap.jar")
                .contains("log: bootstrap/target/daap-build.log");
        assertThat(run.lines().get(1)).matches("daap: built in \\d+ s");
        assertThat(run.lines().get(2)).startsWith("java @jvm.options").endsWith("-jar bootstrap/target/daap.jar help");
        assertThat(Files.readString(copy.resolve("bootstrap/target/daap-build.log")))
                .contains(NOISE.formatted(1), NOISE.formatted(170));

        assertThat(daap("help").lines())
                .as("the jar is current now: no build, no word about one")
                .containsExactly("java @jvm.options -jar bootstrap/target/daap.jar help");
    }

    @Test
    void aFailedBuildShowsItsErrorsAndWhereTheWholeLogIs() throws Exception {
        mavenWrapper(1, "echo '[ERROR] COMPILATION ERROR: Foo.java:[12,5] cannot find symbol'");

        Run run = daap("serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("[ERROR] COMPILATION ERROR: Foo.java:[12,5] cannot find symbol")
                .contains("daap: the build failed; the whole log is in bootstrap/target/daap-build.log")
                .doesNotContain(NOISE.formatted(1))
                .doesNotContain("java @jvm.options");
    }

    /** A stand-in for ./mvnw: 170 lines of output, then {@code then}, then the exit code. */
    private void mavenWrapper(int exitCode, String then) throws IOException {
        executable(copy.resolve("mvnw"), """
                for i in $(seq 1 170); do echo "[INFO] line $i of a chatty build"; done
                echo 'some of it on stderr' >&2
                %s
                exit %d""".formatted(then, exitCode));
    }

    private Run daap(String... args) throws Exception {
        var command =
                new java.util.ArrayList<>(List.of("bash", copy.resolve("daap").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", fakeJdk.toString());
        builder.environment().remove("DAAP_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static void executable(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }
}
