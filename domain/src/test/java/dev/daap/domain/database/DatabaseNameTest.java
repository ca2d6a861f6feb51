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

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "template0", "template1", "public", "none", "daap"})
    void aNewDatabaseCannotTakeANameTheClusterOrPostgresqlKeepsForItself(String name) {
        assertThatThrownBy(() -> DatabaseName.forNewDatabase(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("is reserved")
                .hasMessageContaining("postgres, public, template0, template1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "template1", "daap"})
    void aStoredRecordWithANameReservedLaterStillLoads(String name) {
        assertThat(new DatabaseName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres-eu", "my-postgres", "template2", "publics", "daap-ledger", "pg-stats"})
    void namesThatMerelyResembleAReservedOneAreFine(String name) {
        assertThat(DatabaseName.forNewDatabase(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg_stats", "pg_monitor", "Postgres", "TEMPLATE1"})
    void postgresqlsPgPrefixAndOtherSpellingsAreRefusedByTheNamingRuleItself(String name) {
        assertThatThrownBy(() -> DatabaseName.forNewDatabase(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowercase letters, digits and hyphens");
    }
}
