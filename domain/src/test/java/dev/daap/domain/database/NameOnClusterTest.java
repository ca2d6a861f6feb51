package dev.daap.domain.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.team.TeamSlug;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameOnClusterTest {
    private static final DatabaseId ID = new DatabaseId(UUID.fromString("019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b"));

    @Test
    void isTheTeamAndTheNameWithUnderscores() {
        assertThat(NameOnCluster.derive(new TeamSlug("checkout"), new DatabaseName("orders-eu"), ID))
                .hasToString("checkout_orders_eu");
    }

    @Test
    void teamsWhoseNamesMeetGetTheSamePlainFormAndDistinctSuffixedOnes() {
        var first = NameOnCluster.derive(new TeamSlug("abc-def"), new DatabaseName("ghi"), ID);
        var second = NameOnCluster.derive(new TeamSlug("abc"), new DatabaseName("def-ghi"), ID);
        assertThat(first).isEqualTo(new NameOnCluster("abc_def_ghi")).isEqualTo(second);

        var other = new DatabaseId(UUID.fromString("019ab3c4-5d6e-7f80-9a1b-000000000001"));
        assertThat(NameOnCluster.distinct(new TeamSlug("abc"), new DatabaseName("def-ghi"), ID))
                .hasToString("abc_def_ghi_4e5f6a7b")
                .isNotEqualTo(NameOnCluster.distinct(new TeamSlug("abc-def"), new DatabaseName("ghi"), other));
    }

    @Test
    void aLongNameIsCutAndMadeDistinctWithin63Bytes() {
        String longest = "d" + "x".repeat(62);
        var name = NameOnCluster.derive(new TeamSlug("t" + "y".repeat(62)), new DatabaseName(longest), ID);

        assertThat(name.value().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(name.value()).startsWith("tyyy").endsWith("_4e5f6a7b").doesNotContain("__");
    }

    @Test
    void neverStartsWithPgOrIsAReservedWord() {
        assertThat(NameOnCluster.derive(new TeamSlug("pg-team"), new DatabaseName("orders"), ID))
                .hasToString("db_pg_team_orders");
        assertThat(NameOnCluster.derive(new TeamSlug("current"), new DatabaseName("user"), ID))
                .hasToString("current_user_4e5f6a7b");
    }

    @Test
    void aNameFromBeforeIsKeptAsItIs() {
        assertThat(NameOnCluster.of(new DatabaseName("orders-eu"))).hasToString("orders-eu");
    }
}
