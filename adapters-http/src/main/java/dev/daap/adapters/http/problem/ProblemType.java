package dev.daap.adapters.http.problem;

import io.javalin.http.HttpStatus;

/**
 * A kind of problem: its stable code (the last segment of the {@code type} URI), HTTP status and title. Clients
 * branch on the code, never on the detail text.
 */
public record ProblemType(String code, int status, String title) {
    public static final String BASE_URI = "https://daap.dev/problems/";

    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400, "Malformed request");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType DATABASE_NOT_FOUND =
            new ProblemType("database-not-found", 404, "Database not found");
    public static final ProblemType OPERATION_NOT_FOUND =
            new ProblemType("operation-not-found", 404, "Operation not found");
    public static final ProblemType TEAM_NOT_FOUND = new ProblemType("team-not-found", 404, "Team not found");
    public static final ProblemType API_KEY_NOT_FOUND = new ProblemType("api-key-not-found", 404, "API key not found");
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401, "Unauthenticated");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");
    public static final ProblemType TEAM_TAKEN = new ProblemType("team-taken", 409, "Team exists");
    public static final ProblemType CLUSTER_NOT_FOUND = new ProblemType("cluster-not-found", 404, "Cluster not found");
    public static final ProblemType CLUSTER_TAKEN = new ProblemType("cluster-taken", 409, "Cluster exists");
    public static final ProblemType CLUSTER_NOT_EMPTY =
            new ProblemType("cluster-not-empty", 409, "Cluster holds databases");
    public static final ProblemType SNAPSHOT_NOT_FOUND =
            new ProblemType("snapshot-not-found", 404, "Snapshot not found");
    public static final ProblemType BACKUP_NOT_FOUND = new ProblemType("backup-not-found", 404, "Backup not found");
    public static final ProblemType BACKUP_UNAVAILABLE =
            new ProblemType("backup-unavailable", 409, "Backups unavailable for this cluster");
    public static final ProblemType USER_NOT_FOUND = new ProblemType("user-not-found", 404, "User not found");
    public static final ProblemType SNAPSHOT_LIMIT = new ProblemType("snapshot-limit", 409, "Too many snapshots");
    public static final ProblemType USER_LIMIT = new ProblemType("user-limit", 409, "Too many users");
    public static final ProblemType BACKUP_LIMIT = new ProblemType("backup-limit", 409, "Too many backups");
    public static final ProblemType ALREADY_ON_CLUSTER =
            new ProblemType("already-on-cluster", 409, "Already on that cluster");
    public static final ProblemType NO_CAPACITY = new ProblemType("no-capacity", 409, "No cluster can take it");
    public static final ProblemType DELETION_PROTECTED =
            new ProblemType("deletion-protected", 409, "Deletion protection is on");
    public static final ProblemType RESTORE_WINDOW_EXPIRED =
            new ProblemType("restore-window-expired", 409, "Restore window has passed");
    public static final ProblemType DATABASE_DELETED = new ProblemType("database-deleted", 409, "Database is deleted");
    public static final ProblemType REVISION_NOT_FOUND =
            new ProblemType("revision-not-found", 404, "Revision not found");
    public static final ProblemType PLAN_NOT_FOUND = new ProblemType("plan-not-found", 404, "Plan not found");
    public static final ProblemType PLAN_TAKEN = new ProblemType("plan-taken", 409, "Plan exists");
    public static final ProblemType PLAN_IN_USE = new ProblemType("plan-in-use", 409, "Plan in use");
    public static final ProblemType PLAN_TOO_SMALL =
            new ProblemType("plan-too-small", 409, "Plan too small for the database");
    public static final ProblemType QUOTA_EXCEEDED = new ProblemType("quota-exceeded", 409, "Quota exceeded");
    public static final ProblemType BUDGET_EXCEEDED = new ProblemType("budget-exceeded", 409, "Budget exceeded");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType NAME_TAKEN = new ProblemType("name-taken", 409, "Name taken");
    public static final ProblemType ILLEGAL_TRANSITION =
            new ProblemType("illegal-transition", 409, "Not allowed in the current status");
    public static final ProblemType CONCURRENT_MODIFICATION =
            new ProblemType("concurrent-modification", 409, "Concurrent modification");
    public static final ProblemType IDEMPOTENCY_KEY_IN_USE =
            new ProblemType("idempotency-key-in-use", 409, "Idempotency key in use");
    public static final ProblemType VERSION_MISMATCH = new ProblemType("version-mismatch", 412, "Precondition failed");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413, "Payload too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType INVALID_INPUT = new ProblemType("invalid-input", 422, "Invalid input");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            new ProblemType("idempotency-key-reused", 422, "Idempotency key reused");
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429, "Too many requests");
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", 500, "Internal error");
    public static final ProblemType TARGET_UNAVAILABLE =
            new ProblemType("target-unavailable", 502, "Target cluster unavailable");
    public static final ProblemType STORE_UNAVAILABLE =
            new ProblemType("store-unavailable", 503, "Service unavailable");
    public static final ProblemType SERVICE_UNAVAILABLE =
            new ProblemType("service-unavailable", 503, "Service unavailable");
    public static final ProblemType REQUEST_TIMEOUT = new ProblemType("request-timeout", 408, "Request timeout");
    public static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", 414, "URI too long");
    public static final ProblemType HEADERS_TOO_LARGE =
            new ProblemType("headers-too-large", 431, "Request header fields too large");

    public String uri() {
        return BASE_URI + code;
    }

    /**
     * The type for an error status that Jetty or Javalin produced on their own (a bad request line, a header too
     * large, a request during shutdown); rarer statuses get a code derived from the status itself.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 500 -> INTERNAL_ERROR;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> new ProblemType("http-" + status, status, reasonPhrase(status));
        };
    }

    private static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known.getCode() == status ? known.getMessage() : "HTTP error " + status;
    }
}
