package dev.daap.adapters.http;

import dev.daap.domain.error.ConcurrentModificationException;
import dev.daap.domain.error.DatabaseNotFoundException;
import dev.daap.domain.error.DomainException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.NameTakenException;
import dev.daap.domain.error.OperationNotFoundException;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.domain.error.VersionMismatchException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    /** The problem type's code is the domain's stable code, so both name a failure the same way. */
    @Test
    void everyDomainErrorKeepsItsCodeAndGetsItsStatus() {
        Map<DomainException, Integer> statuses = Map.of(
                InvalidInputException.of("name", "is required"), 422,
                new DatabaseNotFoundException("x"), 404,
                new OperationNotFoundException("x"), 404,
                new NameTakenException("orders"), 409,
                new IllegalTransitionException("no"), 409,
                new ConcurrentModificationException("x"), 409,
                new VersionMismatchException(1, 2), 412,
                new StoreUnavailableException("down", null), 503);

        statuses.forEach((error, status) -> {
            assertThat(ProblemMapper.typeOf(error).code()).isEqualTo(error.code());
            assertThat(ProblemMapper.typeOf(error).status()).as(error.code()).isEqualTo(status);
        });
        assertThat(statuses.keySet().stream().map(DomainException::code).distinct().toList()).hasSize(8);
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
