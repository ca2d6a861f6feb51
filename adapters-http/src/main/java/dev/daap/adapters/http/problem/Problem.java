package dev.daap.adapters.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.daap.adapters.http.observability.CurrentTrace;
import dev.daap.domain.error.BudgetExceededException;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.NoCapacityException;
import java.util.List;

/**
 * An RFC 9457 problem details body, as sent with {@code application/problem+json}.
 *
 * @param instance  the request path the problem occurred on
 * @param errors    one entry per invalid field; only for input problems
 * @param requestId  the {@code X-Request-Id} of the response, to find the log lines
 * @param traceId    the request's trace, to find its spans; absent when tracing is off
 * @param candidates for {@code no-capacity}: each cluster and why it was passed over
 * @param budget     for {@code budget-exceeded}: the team's monthly budget, with {@code projected} (its spend this
 *                   month with the request), {@code thisRequest} (what the request adds) and their {@code currency};
 *                   amounts as decimal strings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldProblem> errors,
        String requestId,
        String traceId,
        List<Candidate> candidates,
        String budget,
        String projected,
        String thisRequest,
        String currency) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldProblem(String field, String message) {}

    /** A cluster placement passed over: {@code reason} is a stable code, {@code description} says it in words. */
    public record Candidate(String cluster, String reason, String description) {}

    public Problem withCandidates(List<NoCapacityException.Candidate> passedOver) {
        List<Candidate> listed = passedOver.stream()
                .map(c -> new Candidate(c.cluster(), c.reason(), c.description()))
                .toList();
        return new Problem(
                type, title, status, detail, instance, errors, requestId, traceId, listed, null, null, null, null);
    }

    /** The budget-exceeded problem's members: the budget, the projected spend, what the request adds. */
    public Problem withBudget(BudgetExceededException over) {
        return new Problem(
                type,
                title,
                status,
                detail,
                instance,
                errors,
                requestId,
                traceId,
                candidates,
                over.budget().toPlainString(),
                over.projected().toPlainString(),
                over.thisRequest().toPlainString(),
                over.currency());
    }

    public static Problem of(
            ProblemType type, String detail, String instance, List<FieldError> errors, String requestId) {
        List<FieldProblem> fields = errors == null || errors.isEmpty()
                ? null
                : errors.stream()
                        .map(e -> new FieldProblem(e.field(), e.message()))
                        .toList();
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                detail,
                instance,
                fields,
                requestId,
                CurrentTrace.id(),
                null,
                null,
                null,
                null,
                null);
    }
}
