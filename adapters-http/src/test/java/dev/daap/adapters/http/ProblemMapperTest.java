package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    /** The problem type's code is the domain's stable code, so both name a failure the same way. */
    @Test
    void everyDomainErrorKeepsItsCodeAndGetsItsStatus() {
        Map<DomainException, Integer> statuses = Map.ofEntries(
                Map.entry(InvalidInputException.of("name", "is required"), 422),
                Map.entry(new DatabaseNotFoundException("x"), 404),
                Map.entry(new OperationNotFoundException("x"), 404),
                Map.entry(new NameTakenException("checkout", "orders"), 409),
                Map.entry(new IllegalTransitionException("no"), 409),
                Map.entry(new ConcurrentChangeException("x"), 409),
                Map.entry(VersionMismatchException.notCurrent(2), 412),
                Map.entry(new StoreUnavailableException("down", null), 503),
                Map.entry(new TeamNotFoundException("x"), 404),
                Map.entry(new TeamTakenException("x"), 409),
                Map.entry(new ApiKeyNotFoundException("x"), 404),
                Map.entry(new NotAuthenticatedException("who?", false), 401),
                Map.entry(new AccessDeniedException("no"), 403),
                Map.entry(new ClusterNotFoundException("x"), 404),
                Map.entry(new ClusterTakenException("x"), 409),
                Map.entry(new ClusterNotEmptyException("x", 1), 409),
                Map.entry(new NoCapacityException(List.of()), 409),
                Map.entry(new SnapshotNotFoundException("x"), 404),
                Map.entry(new UserNotFoundException("x", "y"), 404),
                Map.entry(new SnapshotLimitException(10, "x"), 409),
                Map.entry(new UserLimitException(50), 409),
                Map.entry(new BackupLimitException(100), 409),
                Map.entry(new BackupNotFoundException("x"), 404),
                Map.entry(new BackupUnavailableException("x"), 409),
                Map.entry(new DeletionProtectedException("x"), 409),
                Map.entry(new AlreadyOnClusterException("x", "y"), 409),
                Map.entry(new RestoreWindowExpiredException("x", java.time.Instant.EPOCH), 409),
                Map.entry(new DatabaseDeletedException("x", "deleted", java.time.Instant.EPOCH), 409),
                Map.entry(new RevisionNotFoundException("x", 2), 404),
                Map.entry(new PlanNotFoundException("x"), 404),
                Map.entry(new PlanTakenException("x"), 409),
                Map.entry(new PlanInUseException("x"), 409),
                Map.entry(new PlanTooSmallException("x", 1, 2), 409),
                Map.entry(new QuotaExceededException("x", 1), 409),
                Map.entry(new BudgetExceededException(BigDecimal.ONE, BigDecimal.TWO, BigDecimal.ONE, "EUR"), 409));

        statuses.forEach((error, status) -> {
            assertThat(ProblemMapper.typeOf(error).code()).isEqualTo(error.code());
            assertThat(ProblemMapper.typeOf(error).status()).as(error.code()).isEqualTo(status);
        });
        assertThat(statuses.keySet().stream()
                        .map(DomainException::code)
                        .distinct()
                        .toList())
                .as("each kind has a code of its own")
                .hasSize(statuses.size());
        assertThat(statuses.keySet().stream().map(Object::getClass).toList())
                .as("every kind of domain error is covered here")
                .containsExactlyInAnyOrder(DomainException.class.getPermittedSubclasses());
    }

    @Test
    void theInternalDetailNamesTheRequestIdOnly() {
        assertThat(ProblemMapper.internalDetail("req-1")).contains("req-1");
        assertThat(List.of(ProblemMapper.internalDetail("req-1").split(" "))).doesNotContain("Exception");
    }
}
