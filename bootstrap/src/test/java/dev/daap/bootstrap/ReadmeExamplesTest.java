package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```bash} block of README.md works as written, in order, on a fresh start: DAAP on the embedded default
 * (workers on, so databases are really provisioned), the blocks run by bash one after the other in one shell, and
 * every curl's answer checked (below 400; see {@code readme-preamble.bash}). Blocks marked {@link
 * ReadmeBlocks#NOT_RUN} are skipped; the test prints them, with their reasons.
 */
class ReadmeExamplesTest {
    private static final String TOKEN = "daap_readme_" + "R".repeat(43);
    private static final long TIMEOUT_SECONDS = 300;
    private Path work;

    @BeforeEach
    void createWorkDirectory() throws IOException {
        work = Files.createTempDirectory("daap-readme-");
        // The embedded server's own user (nobody, when tests run as root) must pass through to its data.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteWorkDirectory() throws Exception {
        new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
    }

    @Test
    void everyCommandBlockWorksAsWrittenInOrderOnAFreshStart() throws Exception {
        List<String> markdown = Files.readAllLines(readme());
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.bashBlocks(markdown);
        blocks.stream()
                .filter(block -> !block.runs())
                .forEach(block -> System.out.println(
                        "not run: README.md line " + block.firstLine() + ": " + block.notRunReason()));
        assertThat(blocks.stream().filter(ReadmeBlocks.Block::runs))
                .as("blocks to run")
                .hasSizeGreaterThan(3);
        requireTools("curl", "jq", "psql");

        Path script = Files.writeString(work.resolve("readme.bash"), ReadmeBlocks.script(markdown, blocks));
        Path curlLog = work.resolve("curl.log");
        Files.createFile(curlLog);
        try (RunningDaap daap = RunningDaap.start(Map.of(
                "PORT",
                "0",
                "DAAP_DATA_DIR",
                work.resolve("data").toString(),
                DaapConfig.ADMIN_TOKEN,
                TOKEN,
                "DAAP_JOB_POLL_INTERVAL",
                "1s",
                // The README shows the default limits
                "DAAP_RATE_LIMIT_PER_MINUTE",
                "700",
                "DAAP_RATE_LIMIT_BURST",
                "40",
                "DAAP_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE",
                "60"))) {
            String output = run(script, curlLog, "http://127.0.0.1:" + daap.port());
            checkEveryAnswer(markdown, blocks, Files.readAllLines(curlLog), output);
        }
    }

    /** Runs the script in a clean environment: the README's variables come from its own blocks, not from ours. */
    private String run(Path script, Path curlLog, String baseUrl) throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Path output = work.resolve("output.txt");
        var process = new ProcessBuilder("bash", script.toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = process.environment();
        env.clear();
        env.putAll(Map.of(
                "PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"),
                "HOME", home.toString(),
                "TMPDIR", work.toString(),
                "LANG", "C.UTF-8",
                "BASH_ENV", preamble().toString(),
                "README_CURL_LOG", curlLog.toString(),
                "README_STREAM_SECONDS", "3",
                "DAAP", baseUrl,
                "TOKEN", TOKEN));
        Process running = process.start();
        if (!running.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly().waitFor();
            fail("the README's blocks still ran after " + TIMEOUT_SECONDS + " s; the output ends:\n" + tail(output));
        }
        if (running.exitValue() != 0) {
            fail(failures(output) + "\nthe output ends:\n" + tail(output));
        }
        return tail(output);
    }

    private static void checkEveryAnswer(
            List<String> markdown, List<ReadmeBlocks.Block> blocks, List<String> answers, String output) {
        for (String answer : answers) {
            String[] statusAndLine = answer.split(" ");
            int line = Integer.parseInt(statusAndLine[1]);
            assertThat(statusAndLine[0])
                    .as("the answer to README.md line %d: %s%n%s", line, markdown.get(line - 1), output)
                    .matches("[123]\\d\\d");
        }
        for (ReadmeBlocks.Block block : blocks) {
            if (block.runs()) {
                assertThat(answers.stream()
                                .map(answer -> Integer.parseInt(answer.split(" ")[1]))
                                .anyMatch(line -> line >= block.firstLine() && line <= block.lastLine()))
                        .as("the block at README.md line %d called DAAP at least once", block.firstLine())
                        .isTrue();
            }
        }
    }

    private void requireTools(String... tools) throws Exception {
        for (String tool : tools) {
            int found = new ProcessBuilder("bash", "-c", "command -v " + tool)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            assertThat(found)
                    .as("the README's examples need %s on the PATH (.ci/run installs it)", tool)
                    .isZero();
        }
    }

    private Path preamble() throws IOException {
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/readme-preamble.bash"))) {
            return Files.write(work.resolve("preamble.bash"), in.readAllBytes());
        }
    }

    /** README.md of the checkout: above the module the tests run in. */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException(
                "no README.md next to mvnw above " + Path.of("").toAbsolutePath());
    }

    /** What the preamble said about the failure: the README line, and the status of a refused answer. */
    private static String failures(Path output) throws IOException {
        return String.join(
                "\n",
                lines(output).stream()
                        .filter(line -> line.contains("README.md line"))
                        .toList());
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = new String(Files.readAllBytes(output), StandardCharsets.UTF_8)
                .lines()
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static List<String> lines(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8)
                .lines()
                .toList();
    }
}
