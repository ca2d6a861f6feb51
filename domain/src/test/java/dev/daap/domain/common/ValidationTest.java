package dev.daap.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void collectsEveryInvalidFieldBeforeFailing() {
        var validation = new Validation();
        validation.field("name", () -> new DatabaseName("X"));
        validation.field("owner_team", () -> new DatabaseName("ok-team"));
        validation.optionalField("q", null, raw -> {
            throw new IllegalArgumentException("never called for an absent value");
        });
        validation.fail("page_size", "must be a whole number");

        var error = catchThrowableOfType(InvalidInputException.class, validation::throwIfInvalid);
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("name", "page_size");
        assertThat(error.code()).isEqualTo("invalid-input");
    }

    @Test
    void passesWhenEverythingIsValid() {
        var validation = new Validation();
        assertThat(validation.field("name", () -> new DatabaseName("orders")).value())
                .isEqualTo("orders");
        validation.throwIfInvalid();
        assertThatThrownBy(() -> new InvalidInputException(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
