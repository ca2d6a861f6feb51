package dev.daap.adapters.http;

import dev.daap.adapters.http.health.HealthHandler;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.adapters.http.version.VersionHandler;
import dev.daap.adapters.http.version.VersionSource;
import io.javalin.Javalin;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' port ({@code DAAP_MANAGEMENT_PORT}): {@code /metrics} in Prometheus' text format, the health
 * endpoints and the version, apart from the API so that a scraper, a probe or an operator needs no API key and the
 * public port shows no metrics. Readiness and version are the API port's own (the same check, the same source), so
 * both ports say the same; the version also answers here while the API refuses {@code /v1} (a stale schema). Its
 * requests are not counted in the request metrics: scrapes would outnumber the API's own.
 */
public final class ManagementServer implements AutoCloseable {
    public static final String METRICS = "/metrics";
    /** Prometheus' text exposition format, what a scrape of any version understands. */
    public static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private final Javalin app;
    private final String host;
    private final int port;
    private volatile int boundPort = -1;

    /**
     * @param metrics the current metrics, in Prometheus' text format; {@code null} serves none (metrics off)
     * @param port    0 picks a free one, see {@link #port()}
     */
    public ManagementServer(
            ReadinessCheck readiness, VersionSource version, Supplier<String> metrics, String host, int port) {
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(version, "version");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        var json = new JsonCodec();
        var health = new HealthHandler(readiness, json);
        var versions = new VersionHandler(version, json);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.concurrency.useVirtualThreads = true;
            // The health and version answers are the API's documented ones, X-Request-Id included.
            config.routes.before(RequestIds::assign);
            config.routes.after(RequestIds::release);
            config.routes.get(Routes.LIVE, health::live);
            config.routes.get(Routes.READY, health::ready);
            config.routes.get(Routes.VERSION, versions::get);
            if (metrics != null) {
                config.routes.get(METRICS, ctx -> ctx.contentType(METRICS_TYPE).result(metrics.get()));
            }
        });
    }

    public synchronized void start() {
        app.start(host, port);
        boundPort = app.port();
        log.info("Management server (metrics, health, version) listening on {}:{}", host, boundPort);
    }

    public int port() {
        if (boundPort < 0) {
            throw new IllegalStateException("the management server has not been started");
        }
        return boundPort;
    }

    @Override
    public synchronized void close() {
        if (boundPort >= 0) {
            app.stop();
        }
    }
}
