package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.http.ManagementServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/kubernetes read as YAML and checked against what DAAP reads and serves: ports, probes, variables, the
 * shutdown and the memory DAAP is measured with. No cluster runs here (the README says what was never run); this
 * is what can be checked without one.
 */
class KubernetesManifestsTest {
    private static final Path FOLDER = Deployment.root().resolve("deploy/kubernetes");
    private static final String SECRET = "daap-secrets";
    private static final Set<String> REQUIRED_SECRETS = Set.of("DATABASE_PASSWORD", "DAAP_SECRET_KEY");
    /** The JVM's own memory beside the heap, at most, as jvm.options records it (measured with bench/run). */
    private static final long JVM_OWN_MEMORY = 270L << 20;

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    private final Map<String, Map<String, Object>> byKind = manifests();

    @Test
    void theKustomizationListsEveryManifestAndNothingElse() throws IOException {
        List<String> listed = strings(kustomization().get("resources"));
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        assertThat(byKind).containsOnlyKeys("ConfigMap", "Deployment", "Service", "PodDisruptionBudget");
    }

    @Test
    void severalInstancesThatADrainCannotAllTake() {
        Map<String, Object> spec = map(byKind.get("Deployment"), "spec");
        int replicas = (Integer) spec.get("replicas");
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        assertThat(map(map(spec, "strategy"), "rollingUpdate").get("maxUnavailable"))
                .isEqualTo(0);

        Map<String, Object> labels = map(map(map(spec, "template"), "metadata"), "labels");
        assertThat(map(map(spec, "selector"), "matchLabels")).isEqualTo(labels);
        assertThat(map(map(byKind.get("Service"), "spec"), "selector")).isEqualTo(labels);
        Map<String, Object> budget = map(byKind.get("PodDisruptionBudget"), "spec");
        assertThat(map(map(budget, "selector"), "matchLabels")).isEqualTo(labels);
        assertThat((Integer) budget.get("minAvailable")).isBetween(1, replicas - 1);
    }

    @Test
    void portsAreTheOnesDaapListensOn() {
        Map<String, Integer> ports = containerPorts();
        assertThat(ports).containsEntry("http", daapConfig().port());
        assertThat(ports).containsEntry("management", daapConfig().managementPort());

        Map<String, Object> servicePort =
                maps(map(byKind.get("Service"), "spec").get("ports")).getFirst();
        assertThat(servicePort.get("targetPort")).isEqualTo("http");
    }

    @Test
    void probesAskTheManagementPortForLivenessAndReadiness() {
        Map<String, Object> container = container();
        for (String probe : PROBES) {
            Map<String, Object> httpGet = map(map(container, probe), "httpGet");
            assertThat(httpGet.get("port")).as(probe).isEqualTo("management");
            assertThat(httpGet.get("path"))
                    .as(probe)
                    .isEqualTo(probe.equals("readinessProbe") ? Deployment.READY : Deployment.LIVE);
        }
    }

    @Test
    void theScrapeAnnotationsNameTheManagementPortAndItsMetrics() {
        assertThat(podAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(daapConfig().managementPort()))
                .containsEntry("prometheus.io/path", ManagementServer.METRICS);
    }

    /** What the kubelet and Prometheus would ask, asked of a real DAAP's management server. */
    @Test
    void theProbesAndTheScrapeAreAnsweredByARealManagementServer() throws Exception {
        Map<String, Integer> ports = containerPorts();
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of())) {
            for (String probe : PROBES) {
                Map<String, Object> httpGet = map(map(container(), probe), "httpGet");
                assertThat(ports.get((String) httpGet.get("port")))
                        .as(probe)
                        .isEqualTo(daapConfig().managementPort());
                assertThat(daap.management().get((String) httpGet.get("path")).status())
                        .as(probe)
                        .isEqualTo(200);
            }
            HttpResponse<String> scrape = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daap.managementPort()
                                            + podAnnotations().get("prometheus.io/path")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void everyVariableSetIsOneDaapReadsAndItsValuesAreValid() {
        Set<String> read = DaapVariables.read();
        assertThat(configMapData().keySet()).isSubsetOf(read);
        assertThat(environmentNames()).isSubsetOf(read);
        assertThat(daapConfig().databaseUrl()).isPresent(); // DATABASE_URL parses, DATABASE_USER beside it
    }

    @Test
    void theSecretsComeFromOneSecretAndTheRequiredOnesAreNotOptional() {
        for (Map<String, Object> variable : maps(container().get("env"))) {
            Map<String, Object> reference = map(map(variable, "valueFrom"), "secretKeyRef");
            assertThat(reference.get("name")).isEqualTo(SECRET);
            assertThat(reference.get("key")).isEqualTo(variable.get("name"));
            boolean optional = Boolean.TRUE.equals(reference.get("optional"));
            assertThat(optional)
                    .as("%s optional", variable.get("name"))
                    .isEqualTo(!REQUIRED_SECRETS.contains(variable.get("name")));
        }
        assertThat(environmentNames()).containsAll(REQUIRED_SECRETS);
        assertThat(configMapData().keySet())
                .as("no secret in the ConfigMap")
                .doesNotContainAnyElementsOf(REQUIRED_SECRETS);
    }

    @Test
    void theReadmeCreatesTheSecretWithEveryRequiredKey() throws IOException {
        String readme = Files.readString(Deployment.root().resolve("README.md"));
        int command = readme.indexOf("kubectl create secret generic " + SECRET);
        assertThat(command).as("the README shows how to create the Secret").isNotNegative();
        String block = readme.substring(command, readme.indexOf("```", command));
        Matcher literal = Pattern.compile("--from-literal=([A-Z_]+)=").matcher(block);
        List<String> keys = new ArrayList<>();
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        assertThat(keys).containsAll(REQUIRED_SECRETS).isSubsetOf(DaapVariables.read());
    }

    @Test
    void theGracePeriodCoversThePreStopAndDaapsShutdown() {
        Map<String, Object> podSpec = map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec");
        List<String> preStop = strings(
                map(map(map(container(), "lifecycle"), "preStop"), "exec").get("command"));
        assertThat(preStop.getFirst()).isEqualTo("sleep");
        Duration shutdown = daapConfig().shutdownTimeout();

        Duration grace = Duration.ofSeconds((Integer) podSpec.get("terminationGracePeriodSeconds"));
        assertThat(grace)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(Long.parseLong(preStop.get(1)))
                        .plus(shutdown.multipliedBy(2))
                        .plusSeconds(5));
    }

    @Test
    void memoryRequestsCoverTheHeapOfJvmOptionsAndWhatTheJvmAddsToIt() throws IOException {
        Matcher heap = Pattern.compile("(?m)^-Xmx(\\d+)([kmg])$")
                .matcher(Files.readString(Deployment.root().resolve("jvm.options")));
        assertThat(heap.find()).as("-Xmx in jvm.options").isTrue();
        long heapBytes = Long.parseLong(heap.group(1))
                << switch (heap.group(2)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    default -> 30;
                };
        Map<String, Object> resources = map(container(), "resources");
        long request = bytes((String) map(resources, "requests").get("memory"));
        long limit = bytes((String) map(resources, "limits").get("memory"));

        assertThat(request).isGreaterThanOrEqualTo(heapBytes + JVM_OWN_MEMORY);
        assertThat(limit).isGreaterThan(request);
    }

    @Test
    void theContainerRunsAsTheImagesUserWithoutWritingItsImage() {
        Map<String, Object> podSecurity =
                map(map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec"), "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
        assertThat(map(container(), "securityContext"))
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(maps(container().get("volumeMounts")).stream().map(mount -> mount.get("mountPath")))
                .contains("/app/data", "/tmp");
    }

    /** The configuration DAAP would start with: the ConfigMap, and the Secret's required keys. */
    private DaapConfig daapConfig() {
        Map<String, String> environment = new HashMap<>(configMapData());
        environment.put("DATABASE_PASSWORD", "any/pass+word");
        environment.put("DAAP_SECRET_KEY", RunningDaap.TEST_KEY);
        return DaapVariables.configOf(environment);
    }

    private Map<String, String> configMapData() {
        return map(byKind.get("ConfigMap"), "data").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (String) entry.getValue()));
    }

    private Map<String, String> podAnnotations() {
        return map(map(map(map(byKind.get("Deployment"), "spec"), "template"), "metadata"), "annotations")
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (String) entry.getValue()));
    }

    private List<String> environmentNames() {
        return maps(container().get("env")).stream()
                .map(variable -> (String) variable.get("name"))
                .toList();
    }

    private Map<String, Integer> containerPorts() {
        return maps(container().get("ports")).stream()
                .collect(Collectors.toMap(
                        port -> (String) port.get("name"), port -> (Integer) port.get("containerPort")));
    }

    private Map<String, Object> container() {
        List<Map<String, Object>> containers = maps(map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec")
                .get("containers"));
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    private static Map<String, Map<String, Object>> manifests() {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (String file : strings(kustomization().get("resources"))) {
            for (Object document : yaml().loadAll(read(FOLDER.resolve(file)))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> manifest = (Map<String, Object>) document;
                assertThat(byKind.put((String) manifest.get("kind"), manifest))
                        .as("one %s", manifest.get("kind"))
                        .isNull();
            }
        }
        return byKind;
    }

    private static Map<String, Object> kustomization() {
        return yaml().load(read(FOLDER.resolve("kustomization.yaml")));
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kubernetes quantities as these manifests write them: Mi or Gi. */
    private static long bytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as(quantity).isTrue();
        return Long.parseLong(matcher.group(1)) << (matcher.group(2).equals("Mi") ? 20 : 30);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        assertThat(map).containsKey(key);
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
