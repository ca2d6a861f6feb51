package dev.daap.adapters.http;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.problem.Problem;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.domain.error.AccessDeniedException;
import dev.daap.domain.error.AlreadyOnClusterException;
import dev.daap.domain.error.ApiKeyNotFoundException;
import dev.daap.domain.error.BackupLimitException;
import dev.daap.domain.error.BackupNotFoundException;
import dev.daap.domain.error.BackupUnavailableException;
import dev.daap.domain.error.BudgetExceededException;
import dev.daap.domain.error.ClusterNotEmptyException;
import dev.daap.domain.error.ClusterNotFoundException;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.DatabaseDeletedException;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.DeletionProtectedException;
import dev.daap.domain.error.DomainException;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.NoCapacityException;
import dev.daap.domain.error.NotAuthenticatedException;
import dev.daap.domain.error.OperationNotFoundException;
import dev.daap.domain.error.PlanInUseException;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.error.PlanTakenException;
import dev.daap.domain.error.PlanTooSmallException;
import dev.daap.domain.error.QuotaExceededException;
import dev.daap.domain.error.RestoreWindowExpiredException;
import dev.daap.domain.error.RevisionNotFoundException;
import dev.daap.domain.error.SnapshotLimitException;
import dev.daap.domain.error.SnapshotNotFoundException;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.error.TeamTakenException;
import dev.daap.domain.error.UserLimitException;
import dev.daap.domain.error.UserNotFoundException;
import dev.daap.domain.error.VersionMismatchException;
import dev.daap.domain.provisioning.ProvisioningException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become RFC 9457 problems: domain errors, the HTTP layer's own refusals, Javalin's
 * 404/405/413, and anything unexpected (a 500 whose cause goes to the log, never to the client).
 */
public final class ProblemMapper {
    static final String RETRY_AFTER_SECONDS = "2";
    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    private final JsonCodec json;
    private final long maxRequestBytes;

    public ProblemMapper(JsonCodec json, long maxRequestBytes) {
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
    }

    void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, this::javalinResponse);
        routes.exception(Exception.class, this::exception);
    }

    /** Writes the problem for any exception, as the registered handlers do; for wrappers that need the response. */
    void handle(Exception e, Context ctx) {
        if (e instanceof HttpResponseException javalin) {
            javalinResponse(javalin, ctx);
        } else {
            exception(e, ctx);
        }
    }

    void exception(Exception e, Context ctx) {
        switch (e) {
            case DomainException domain -> domain(domain, ctx);
            case HttpProblemException problem -> write(ctx, problem.type(), problem.getMessage(), problem.errors());
            case ProvisioningException target -> targetUnavailable(target, ctx);
            case HttpException jetty when jetty.getCode() < 500 -> jettyRefusal(jetty, ctx);
            default -> internal(e, ctx);
        }
    }

    /** The problem type of each domain error; the switch fails to compile when the domain adds one. */
    static ProblemType typeOf(DomainException e) {
        return switch (e) {
            case InvalidInputException ignored -> ProblemType.INVALID_INPUT;
            case DatabaseNotFoundException ignored -> ProblemType.DATABASE_NOT_FOUND;
            case OperationNotFoundException ignored -> ProblemType.OPERATION_NOT_FOUND;
            case NameTakenException ignored -> ProblemType.NAME_TAKEN;
            case IllegalTransitionException ignored -> ProblemType.ILLEGAL_TRANSITION;
            case ConcurrentChangeException ignored -> ProblemType.CONCURRENT_MODIFICATION;
            case VersionMismatchException ignored -> ProblemType.VERSION_MISMATCH;
            case StoreUnavailableException ignored -> ProblemType.STORE_UNAVAILABLE;
            case TeamNotFoundException ignored -> ProblemType.TEAM_NOT_FOUND;
            case TeamTakenException ignored -> ProblemType.TEAM_TAKEN;
            case ApiKeyNotFoundException ignored -> ProblemType.API_KEY_NOT_FOUND;
            case NotAuthenticatedException ignored -> ProblemType.UNAUTHENTICATED;
            case AccessDeniedException ignored -> ProblemType.FORBIDDEN;
            case ClusterNotFoundException ignored -> ProblemType.CLUSTER_NOT_FOUND;
            case ClusterTakenException ignored -> ProblemType.CLUSTER_TAKEN;
            case ClusterNotEmptyException ignored -> ProblemType.CLUSTER_NOT_EMPTY;
            case NoCapacityException ignored -> ProblemType.NO_CAPACITY;
            case AlreadyOnClusterException ignored -> ProblemType.ALREADY_ON_CLUSTER;
            case SnapshotNotFoundException ignored -> ProblemType.SNAPSHOT_NOT_FOUND;
            case SnapshotLimitException ignored -> ProblemType.SNAPSHOT_LIMIT;
            case UserLimitException ignored -> ProblemType.USER_LIMIT;
            case BackupLimitException ignored -> ProblemType.BACKUP_LIMIT;
            case BackupNotFoundException ignored -> ProblemType.BACKUP_NOT_FOUND;
            case BackupUnavailableException ignored -> ProblemType.BACKUP_UNAVAILABLE;
            case DeletionProtectedException ignored -> ProblemType.DELETION_PROTECTED;
            case RestoreWindowExpiredException ignored -> ProblemType.RESTORE_WINDOW_EXPIRED;
            case UserNotFoundException ignored -> ProblemType.USER_NOT_FOUND;
            case DatabaseDeletedException ignored -> ProblemType.DATABASE_DELETED;
            case RevisionNotFoundException ignored -> ProblemType.REVISION_NOT_FOUND;
            case PlanNotFoundException ignored -> ProblemType.PLAN_NOT_FOUND;
            case PlanTakenException ignored -> ProblemType.PLAN_TAKEN;
            case PlanInUseException ignored -> ProblemType.PLAN_IN_USE;
            case PlanTooSmallException ignored -> ProblemType.PLAN_TOO_SMALL;
            case QuotaExceededException ignored -> ProblemType.QUOTA_EXCEEDED;
            case BudgetExceededException ignored -> ProblemType.BUDGET_EXCEEDED;
        };
    }

    private void domain(DomainException e, Context ctx) {
        ProblemType type = typeOf(e);
        switch (e) {
            case InvalidInputException invalid -> write(ctx, type, invalid.getMessage(), invalid.errors());
            case NotAuthenticatedException unauthenticated -> {
                ctx.header(
                        "WWW-Authenticate",
                        unauthenticated.credentialsPresented()
                                ? "Bearer realm=\"daap\", error=\"invalid_token\""
                                : "Bearer realm=\"daap\"");
                write(ctx, type, unauthenticated.getMessage(), List.of());
            }
            case StoreUnavailableException unavailable -> {
                // An outage, not a bug: worth a warning, and its text may name hosts, so it stays in the log.
                log.warn(
                        "store unavailable: request_id={} method={} path={}",
                        RequestIds.of(ctx),
                        ctx.req().getMethod(),
                        ctx.path(),
                        unavailable);
                ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                write(ctx, type, "the data store cannot be reached right now; retry shortly", List.of());
            }
            case VersionMismatchException mismatch -> write(ctx, type, preconditionDetail(mismatch), List.of());
            case NoCapacityException full ->
                write(
                        ctx,
                        Problem.of(type, full.getMessage(), ctx.path(), List.of(), RequestIds.of(ctx))
                                .withCandidates(full.candidates()));
            case BudgetExceededException over ->
                write(
                        ctx,
                        Problem.of(type, over.getMessage(), ctx.path(), List.of(), RequestIds.of(ctx))
                                .withBudget(over));
            default -> write(ctx, type, e.getMessage(), List.of());
        }
    }

    /** In HTTP's words: the client's If-Match against the ETag it should read again. */
    private static String preconditionDetail(VersionMismatchException e) {
        return e.currentVersion().isPresent()
                ? "If-Match does not match the current ETag "
                        + EntityTags.of(e.currentVersion().getAsLong()) + "; read the database again and retry"
                : e.getMessage() + "; read the database again and retry";
    }

    /**
     * The target cluster refused or could not be reached (a credential rotation). Its message is written for the
     * client and never holds a password, so it is the detail; the cause is not logged, because a driver's text
     * may quote the SQL that carried the password.
     */
    private void targetUnavailable(ProvisioningException e, Context ctx) {
        String detail = e.getMessage() == null ? "the target cluster cannot be reached right now" : e.getMessage();
        log.warn(
                "target unavailable: request_id={} method={} path={}: {}",
                RequestIds.of(ctx),
                ctx.req().getMethod(),
                ctx.path(),
                detail);
        write(ctx, ProblemType.TARGET_UNAVAILABLE, detail, List.of());
    }

    /** Javalin's own refusals: no route (404), a route without this method (405), a body over the limit (413). */
    private void javalinResponse(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> write(ctx, ProblemType.NOT_FOUND, "there is no resource at " + ctx.path(), List.of());
            case 405 -> methodNotAllowed(e, ctx);
            case 413 ->
                write(
                        ctx,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "the request body is larger than " + maxRequestBytes + " bytes",
                        List.of());
            default -> {
                ProblemType type = ProblemType.forStatus(e.getStatus());
                write(ctx, type, type.title(), List.of());
            }
        }
    }

    /** Javalin lists the methods the path does support as the only detail of its 405; RFC 9110 wants Allow. */
    private void methodNotAllowed(HttpResponseException e, Context ctx) {
        String allowed = String.join(", ", e.getDetails().values());
        String detail = ctx.req().getMethod() + " is not supported on " + ctx.path();
        if (!allowed.isEmpty()) {
            ctx.header("Allow", allowed);
            detail += "; use " + allowed;
        }
        write(ctx, ProblemType.METHOD_NOT_ALLOWED, detail, List.of());
    }

    /** Jetty found the request broken while the handler read it, e.g. a bad chunk: the client's fault. */
    private void jettyRefusal(HttpException e, Context ctx) {
        ProblemType type = ProblemType.forStatus(e.getCode());
        String reason = e.getReason();
        write(
                ctx,
                type,
                reason == null || reason.isBlank() ? type.title() : "the request is broken: " + reason,
                List.of());
    }

    private void internal(Exception e, Context ctx) {
        String requestId = RequestIds.of(ctx);
        log.error(
                "unhandled exception: request_id={} method={} path={}",
                requestId,
                ctx.req().getMethod(),
                ctx.path(),
                e);
        write(ctx, ProblemType.INTERNAL_ERROR, internalDetail(requestId), List.of());
    }

    static String internalDetail(String requestId) {
        return "an unexpected error occurred; quote request id " + requestId + " when you report it";
    }

    private void write(Context ctx, ProblemType type, String detail, List<FieldError> errors) {
        write(ctx, Problem.of(type, detail, ctx.path(), errors, RequestIds.of(ctx)));
    }

    private void write(Context ctx, Problem problem) {
        if (problem.status() < 500) {
            log.debug(
                    "{} {} -> {} {}: {}",
                    ctx.req().getMethod(),
                    ctx.path(),
                    problem.status(),
                    problem.type(),
                    problem.detail());
        }
        // Headers that described the resource a failed handler was about to return no longer apply.
        ctx.removeHeader("ETag");
        ctx.removeHeader("Location");
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(json.write(problem));
    }
}
