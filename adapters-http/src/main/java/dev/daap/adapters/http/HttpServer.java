package dev.daap.adapters.http;

import dev.daap.adapters.http.access.AccessUseCases;
import dev.daap.adapters.http.access.ApiKeyHandler;
import dev.daap.adapters.http.access.Authentication;
import dev.daap.adapters.http.audit.AuditHandler;
import dev.daap.adapters.http.backup.BackupHandler;
import dev.daap.adapters.http.backup.BackupUseCases;
import dev.daap.adapters.http.cluster.ClusterHandler;
import dev.daap.adapters.http.cluster.ClusterUseCases;
import dev.daap.adapters.http.cost.CostHandler;
import dev.daap.adapters.http.cost.CostUseCases;
import dev.daap.adapters.http.credential.CredentialHandler;
import dev.daap.adapters.http.database.DatabaseHandler;
import dev.daap.adapters.http.database.DatabaseUseCases;
import dev.daap.adapters.http.event.EventHandler;
import dev.daap.adapters.http.event.EventUseCases;
import dev.daap.adapters.http.health.HealthHandler;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.adapters.http.idempotency.IdempotentPosts;
import dev.daap.adapters.http.observability.RequestTelemetry;
import dev.daap.adapters.http.operation.OperationHandler;
import dev.daap.adapters.http.plan.PlanHandler;
import dev.daap.adapters.http.plan.PlanUseCases;
import dev.daap.adapters.http.problem.Problem;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.adapters.http.ratelimit.RateLimits;
import dev.daap.adapters.http.revision.RevisionHandler;
import dev.daap.adapters.http.snapshot.SnapshotHandler;
import dev.daap.adapters.http.snapshot.SnapshotUseCases;
import dev.daap.adapters.http.team.TeamHandler;
import dev.daap.adapters.http.usage.UsageHandler;
import dev.daap.adapters.http.usage.UsageUseCases;
import dev.daap.adapters.http.user.UserHandler;
import dev.daap.adapters.http.user.UserUseCases;
import dev.daap.adapters.http.version.VersionHandler;
import dev.daap.adapters.http.version.VersionSource;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The REST API on Javalin (Jetty 12), one virtual thread per request. {@link #stop()} is graceful: the server
 * stops accepting, lets requests in flight finish for up to {@link HttpSettings#shutdownTimeout()}, then closes.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpSettings settings;
    private final JsonCodec json = new JsonCodec();
    private final GracefulHandler graceful = new GracefulHandler();
    private final Javalin app;
    private volatile int boundPort = -1;
    private boolean started;
    private boolean stopped;

    public HttpServer(
            DatabaseUseCases useCases,
            AccessUseCases access,
            EventUseCases events,
            ClusterUseCases clusters,
            SnapshotUseCases snapshots,
            BackupUseCases backups,
            UserUseCases users,
            PlanUseCases plans,
            UsageUseCases usage,
            CostUseCases costs,
            ReadinessCheck readiness,
            VersionSource version,
            HttpSettings settings) {
        this(
                useCases,
                access,
                events,
                clusters,
                snapshots,
                backups,
                users,
                plans,
                usage,
                costs,
                readiness,
                version,
                settings,
                RequestTelemetry.none());
    }

    /** @param telemetry the metrics, spans and access log of every request */
    public HttpServer(
            DatabaseUseCases useCases,
            AccessUseCases access,
            EventUseCases events,
            ClusterUseCases clusters,
            SnapshotUseCases snapshots,
            BackupUseCases backups,
            UserUseCases users,
            PlanUseCases plans,
            UsageUseCases usage,
            CostUseCases costs,
            ReadinessCheck readiness,
            VersionSource version,
            HttpSettings settings,
            RequestTelemetry telemetry) {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(version, "version");
        this.settings = Objects.requireNonNull(settings, "settings");
        var bodies = new RequestBodies(settings.maxRequestBytes());
        var handlers = new Routes.Handlers(
                new DatabaseHandler(useCases, json, bodies, Routes.DATABASES),
                new OperationHandler(useCases.getOperation(), useCases.listOperations(), json),
                new CredentialHandler(
                        useCases.readCredentials(), useCases.rotateCredentials(), users.revokePrevious(), json),
                new TeamHandler(access, plans.updateTeamLimits(), json, bodies, Routes.TEAMS),
                new ApiKeyHandler(access, json, bodies),
                new AuditHandler(access.listAuditEvents(), json),
                new EventHandler(events.list(), events.watch(), json, Callers::principalOf, events.heartbeat()),
                new ClusterHandler(clusters, json, bodies, Routes.CLUSTERS),
                new SnapshotHandler(snapshots, json, bodies),
                new BackupHandler(backups, json),
                new UserHandler(users, json, bodies),
                new RevisionHandler(useCases.revisions(), json),
                new PlanHandler(plans, json, bodies, Routes.PLANS),
                new UsageHandler(usage, json),
                new CostHandler(costs, json),
                new HealthHandler(readiness, json),
                new VersionHandler(version, json));
        var problems = new ProblemMapper(json, settings.maxRequestBytes());
        var idempotent = new IdempotentPosts(useCases.idempotency(), problems::handle);
        var authentication = new Authentication(access.authenticate(), new RateLimits(settings.rateLimits()));
        this.app = Javalin.create(config -> {
            configureServer(config);
            telemetry.register(config); // first: its span is current in every other handler
            Routes.register(config.routes, idempotent, authentication, handlers, telemetry.useCases());
            problems.register(config.routes);
        });
    }

    /** Binds {@link HttpSettings#port()} (0: a free port, see {@link #port()}) and starts serving. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the HTTP server was already started; it cannot be restarted");
        }
        started = true;
        app.start(settings.host(), settings.port());
        boundPort = app.port();
        log.info("HTTP server listening on {}:{}", settings.host(), boundPort);
    }

    /** The port bound by {@link #start()}; still known after {@link #stop()}. */
    public int port() {
        if (boundPort < 0) {
            throw new IllegalStateException("the HTTP server has not been started");
        }
        return boundPort;
    }

    /** Stops gracefully; waits at most the shutdown timeout for requests in flight. Safe to call twice. */
    public synchronized void stop() {
        if (!started || stopped) {
            return;
        }
        stopped = true;
        try {
            app.stop();
            log.info("HTTP server stopped");
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // Jetty stops everything before it reports the timeout; only the requests still running were cut.
            log.warn("HTTP server stopped; requests still running after {} were cut off", settings.shutdownTimeout());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Every route as {@code METHOD path}, e.g. {@code GET /v1/databases/{id}}; lets tests cover each one. */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** True once {@link #stop()} has begun refusing new requests; lets tests observe the drain. */
    boolean isDraining() {
        return graceful.isShutdown();
    }

    private void configureServer(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.http.prefer405over404 = true; // so a wrong method on a known path is a 405 with Allow
        config.router.javaLangErrorHandler(this::javaLangError);
        config.jetty.modifyServer(server -> {
            // Jetty drains only what a GracefulHandler tracks, and only when the stop timeout is positive.
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
            server.insertHandler(graceful);
            server.setErrorHandler(new JettyProblemErrorHandler(json));
        });
        // Javalin picks Jetty's LEGACY URI compliance, which lets through what Javalin's own path decoding then
        // fails on (a %u escape became a 500); the API's paths need nothing beyond RFC 3986.
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT));
    }

    /** An Error (not an Exception) escaped a handler; Javalin hands over only the servlet response then. */
    private void javaLangError(HttpServletResponse response, Error error) {
        String requestId = response.getHeader(RequestIds.HEADER);
        log.error(
                "unhandled error: request_id={} method={} path={}",
                requestId,
                MDC.get(RequestIds.MDC_METHOD),
                MDC.get(RequestIds.MDC_PATH),
                error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(ProblemType.INTERNAL_ERROR.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.getOutputStream()
                    .write(json.write(Problem.of(
                            ProblemType.INTERNAL_ERROR,
                            ProblemMapper.internalDetail(requestId),
                            null,
                            List.of(),
                            requestId)));
        } catch (IOException | RuntimeException e) {
            log.debug("could not write the 500 problem", e);
        }
    }
}
