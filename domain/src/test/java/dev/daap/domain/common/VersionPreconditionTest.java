package dev.daap.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.VersionMismatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionPreconditionTest {

    @Test
    void anyVersionPassesAndAConcurrentChangeStaysAConflict() {
        var conflict = new ConcurrentChangeException("x");

        assertThatCode(() -> VersionPrecondition.ANY.check(42)).doesNotThrowAnyException();
        assertThat(VersionPrecondition.ANY.namesVersions()).isFalse();
        assertThat(VersionPrecondition.ANY.changedMeanwhile(conflict, 42)).isSameAs(conflict);
    }

    @Test
    void namedVersionsPassOnlyWhenOneIsCurrent() {
        VersionPrecondition named = VersionPrecondition.oneOf(List.of(3L, 5L));

        assertThatCode(() -> named.check(5)).doesNotThrowAnyException();
        var refused = catchThrowableOfType(VersionMismatchException.class, () -> named.check(4));
        assertThat(refused.currentVersion()).hasValue(4);
        assertThat(refused.code()).isEqualTo("version-mismatch");
    }

    @Test
    void noVersionAtAllIsAConditionNothingMeets() {
        VersionPrecondition none = VersionPrecondition.oneOf(List.of()); // If-Match: W/"1", weak tags only

        assertThat(none.namesVersions()).isTrue();
        assertThat(none.allows(1)).isFalse();
    }

    @Test
    void aNamedVersionReplacedBetweenReadAndWriteIsAFailedPrecondition() {
        VersionPrecondition named = VersionPrecondition.oneOf(List.of(3L));

        var failure = named.changedMeanwhile(new ConcurrentChangeException("x"), 3);

        assertThat(failure).isInstanceOf(VersionMismatchException.class).hasMessageContaining("version 3");
        assertThat(((VersionMismatchException) failure).currentVersion()).isEmpty();
    }
}
