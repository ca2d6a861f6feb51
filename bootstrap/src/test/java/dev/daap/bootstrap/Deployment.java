package dev.daap.bootstrap;

import dev.daap.adapters.http.Routes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the deployment files (compose.yaml, Dockerfile, deploy/kubernetes) are checked against. */
final class Deployment {
    /** The configuration of an empty environment: the ports and timeouts DAAP has when nothing is set. */
    static DaapConfig defaults() {
        return DaapVariables.configOf(Map.of());
    }

    static final String LIVE = Routes.LIVE;
    static final String READY = Routes.READY;

    private Deployment() {}

    /** The checkout: the folder above the module that holds mvnw. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("compose.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no checkout (mvnw, compose.yaml) above " + Path.of("").toAbsolutePath());
    }
}
