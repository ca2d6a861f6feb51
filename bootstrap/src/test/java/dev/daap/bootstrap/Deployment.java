package dev.daap.bootstrap;

import dev.daap.adapters.http.Routes;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the deployment files (compose.yaml, Dockerfile, deploy/kubernetes) are checked against. */
final class Deployment {
    /**
     * DAAP_MANAGEMENT_PORT's default: health, metrics and version for operators. The management server is built on
     * another branch (issue 22, observability); once it is in, this should come from its configuration.
     */
    static final int MANAGEMENT_PORT = 8081;

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
