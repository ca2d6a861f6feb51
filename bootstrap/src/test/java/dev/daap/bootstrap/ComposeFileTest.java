package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * compose.yaml as Compose itself reads it: {@code docker-compose config} (Debian's docker-compose, which .ci/run
 * installs) interpolates the variables and validates the file without a Docker engine, and DAAP's own configuration
 * code then reads the environment that Compose would hand the container. Nothing here starts a container: there is no
 * engine on the build machines (the README says what was never run).
 */
class ComposeFileTest {
    private static final String AWKWARD_PASSWORD = "pa/ss+w0rd=%2F @#?:";
    private static final String SECRET_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

    @Test
    void daapReadsThePasswordComposeGivesItWhateverItsCharacters() throws Exception {
        Map<String, Object> daap = service(config(secrets()), "daap");
        Map<String, String> environment = environment(daap);

        DaapConfig config = DaapVariables.configOf(environment);
        DatabaseUrl url = config.databaseUrl().orElseThrow();
        assertThat(url.password()).isEqualTo(AWKWARD_PASSWORD);
        assertThat(url.user()).isEqualTo("daap");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/daap");
        assertThat(environment.get("DATABASE_URL")).doesNotContain("pa/ss");
        assertThat(config.secretKey()).contains(SECRET_KEY);
        assertThat(environment(service(config(secrets()), "postgres")).get("POSTGRES_PASSWORD"))
                .isEqualTo(AWKWARD_PASSWORD);
    }

    @Test
    void everyVariableComposeSetsIsOneDaapReads() throws Exception {
        assertThat(environment(service(config(secrets()), "daap")).keySet()).isSubsetOf(DaapVariables.read());
    }

    @Test
    void thePasswordAndTheKeyAreRequiredAndAMissingOneIsNamed() throws Exception {
        Map<String, String> noPassword = secrets();
        noPassword.remove("DAAP_DB_PASSWORD");
        Result withoutPassword = compose(noPassword);
        assertThat(withoutPassword.exit()).isNotZero();
        assertThat(withoutPassword.errors()).contains("set DAAP_DB_PASSWORD");

        Map<String, String> noKey = secrets();
        noKey.remove("DAAP_SECRET_KEY");
        Result withoutKey = compose(noKey);
        assertThat(withoutKey.exit()).isNotZero();
        assertThat(withoutKey.errors()).contains("set DAAP_SECRET_KEY", "openssl rand -base64 32");
    }

    @Test
    void whatMustOutliveAContainerIsOnNamedVolumes() throws Exception {
        Map<String, Object> file = config(secrets());
        assertThat(volumes(service(file, "postgres"))).anyMatch(volume -> volume.startsWith("daap-pgdata:"));
        assertThat(volumes(service(file, "daap"))).anyMatch(volume -> volume.startsWith("daap-data:/app/data"));
        assertThat(mapAt(file, "volumes")).containsKeys("daap-pgdata", "daap-data");
    }

    @Test
    void portsBindToLoopbackUnlessAskedOtherwise() throws Exception {
        assertThat(ports(service(config(secrets()), "daap")))
                .containsExactly("127.0.0.1:8080:8080", "127.0.0.1:8081:8081");

        Map<String, String> everywhere = secrets();
        everywhere.put("DAAP_PUBLISH_ADDRESS", "0.0.0.0");
        assertThat(ports(service(config(everywhere), "daap")))
                .containsExactly("0.0.0.0:8080:8080", "0.0.0.0:8081:8081");
        assertThat(service(config(secrets()), "postgres")).doesNotContainKey("ports");
    }

    @Test
    void theStopGracePeriodCoversDaapsShutdown() throws Exception {
        Map<String, Object> daap = service(config(secrets()), "daap");
        Duration shutdownTimeout = DaapVariables.configOf(environment(daap)).shutdownTimeout();

        Duration grace = Durations.parse("stop_grace_period", (String) daap.get("stop_grace_period"));
        // Requests in flight, then the jobs in hand, each up to the timeout; then the pool closes.
        assertThat(grace).isGreaterThanOrEqualTo(shutdownTimeout.multipliedBy(2).plusSeconds(10));
    }

    @Test
    void theHealthcheckAsksForReadinessOnTheManagementPort() throws Exception {
        Map<String, Object> daap = service(config(secrets()), "daap");
        @SuppressWarnings("unchecked")
        List<String> test = (List<String>) mapAt(daap, "healthcheck").get("test");

        assertThat(test.getLast())
                .isEqualTo("http://127.0.0.1:" + Deployment.defaults().managementPort() + Deployment.READY);
    }

    /** The healthcheck's URL, asked of a real DAAP's management server: ready is a 200 there. */
    @Test
    void theHealthcheckIsAnsweredByARealManagementServer() throws Exception {
        Map<String, Object> daap = service(config(secrets()), "daap");
        @SuppressWarnings("unchecked")
        URI healthcheck = URI.create(((List<String>) mapAt(daap, "healthcheck").get("test")).getLast());
        assertThat(healthcheck.getPort())
                .isEqualTo(DaapVariables.configOf(environment(daap)).managementPort());

        try (RunningDaap running = RunningDaap.onFreshDatabase(Map.of())) {
            assertThat(running.management().get(healthcheck.getPath()).status()).isEqualTo(200);
        }
    }

    @Test
    void theImageKeepsTheBaseImagesEntrypointAndExposesBothPorts() throws IOException {
        List<String> dockerfile = Files.readAllLines(Deployment.root().resolve("Dockerfile"));

        assertThat(dockerfile.stream().filter(line -> line.startsWith("ENTRYPOINT")))
                .singleElement()
                .asString()
                .startsWith("ENTRYPOINT [\"/__cacert_entrypoint.sh\", \"java\",");
        assertThat(dockerfile)
                .contains("EXPOSE " + Deployment.defaults().port() + " "
                        + Deployment.defaults().managementPort());
    }

    private static Map<String, String> secrets() {
        return new HashMap<>(Map.of("DAAP_DB_PASSWORD", AWKWARD_PASSWORD, "DAAP_SECRET_KEY", SECRET_KEY));
    }

    private static Map<String, Object> config(Map<String, String> variables) throws Exception {
        Result result = compose(variables);
        assertThat(result.exit()).as(result.errors()).isZero();
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(result.output());
    }

    /** {@code docker-compose config} with only these variables: none of ours, and no .env file of a developer's. */
    private static Result compose(Map<String, String> variables) throws Exception {
        assertThat(onPath("docker-compose"))
                .as("docker-compose must be on the PATH (Debian's package; .ci/run installs it)")
                .isTrue();
        Path errors = Files.createTempFile("compose-", ".err");
        Path noEnvFile = Files.createTempFile("compose-", ".env");
        try {
            var builder = new ProcessBuilder(
                            "docker-compose",
                            "--env-file",
                            noEnvFile.toString(),
                            "-f",
                            Deployment.root().resolve("compose.yaml").toString(),
                            "config")
                    .redirectError(errors.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().putAll(variables);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.delete(errors);
            Files.delete(noEnvFile);
        }
    }

    private static boolean onPath(String command) throws Exception {
        return new ProcessBuilder("sh", "-c", "command -v " + command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor()
                == 0;
    }

    private static Map<String, Object> service(Map<String, Object> file, String name) {
        return mapAt(mapAt(file, "services"), name);
    }

    /** Compose prints "$$" for a literal "$"; the container gets one. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new HashMap<>();
        mapAt(service, "environment")
                .forEach((name, value) ->
                        environment.put(name, String.valueOf(value).replace("$$", "$")));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        return (List<String>) service.get("volumes");
    }

    /** Short syntax as docker-compose v1 prints it, without the protocol. */
    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return ((List<String>) service.get("ports"))
                .stream().map(port -> port.replaceFirst("/tcp$", "")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapAt(Map<String, Object> map, String key) {
        assertThat(map).containsKey(key);
        return (Map<String, Object>) map.get(key);
    }

    private record Result(int exit, String output, String errors) {}
}
