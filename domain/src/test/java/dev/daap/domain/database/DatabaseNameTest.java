package dev.daap.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.team.TeamSlug;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "orders", "orders-eu-2", "a23", "x1-"})
    void acceptsLowercaseLettersDigitsAndHyphensStartingWithALetter(String name) {
        assertThat(new DatabaseName(name).value()).isEqualTo(name);
        assertThat(new TeamSlug(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "Orders",
                "1orders",
                "-orders",
                "orders_eu",
                "orders eu",
                "ördners",
                "",
                "ordErs",
                "orders.eu",
                "orders/eu",
                "orders\n",
                "or\u0663ders",
                "orders{",
                "orders`",
                "a:b"
            })
    void refusesEverythingElse(String name) {
        assertThatThrownBy(() -> new DatabaseName(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TeamSlug(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void isAtMostSixtyThreeCharacters(int length) {
        String name = "a".repeat(length);
        if (length <= 63) {
            assertThat(new DatabaseName(name).value()).hasSize(length);
        } else {
            assertThatThrownBy(() -> new DatabaseName(name)).hasMessageContaining("3 to 63 characters");
        }
    }
}
