package dev.daap.adapters.postgres.team;

import static dev.daap.adapters.postgres.generated.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The table's CHECKs hold the domain's rules for writers that bypass it, and accept whatever the domain accepts. */
class TeamsTableTest {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final String run =
            "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @Test
    void aDisplayNameTheDomainAcceptsIsStored() {
        String longest = "é".repeat(199) + "😀"; // 200 characters, 201 UTF-16 units: counted as characters
        insert(run + "-a", longest);
        insert(run + "-b", " Zahlungsverkehr EMEA ");

        assertThat(transaction.dsl().fetchCount(TEAMS, TEAMS.SLUG.startsWith(run)))
                .isEqualTo(2);
    }

    @Test
    void aDisplayNameTheDomainRefusesIsRefused() {
        assertRefused(run + "-a", "", "teams_display_name_format");
        assertRefused(run + "-b", "   ", "teams_display_name_format");
        assertRefused(run + "-c", "x".repeat(201), "teams_display_name_format");
        assertRefused(run + "-d", "line\nbreak", "teams_display_name_format");
        assertRefused(run + "-e", "bell\u0007", "teams_display_name_format");
        assertRefused(run + "-f", "c1 control\u0085", "teams_display_name_format");
    }

    @Test
    void aSlugTheDomainRefusesIsRefused() {
        assertRefused("Upper", "Upper", "teams_slug_format");
        assertRefused("9lives", "Nine", "teams_slug_format");
        assertRefused("ab", "Too short", "teams_slug_format");
        assertRefused("a".repeat(64), "Too long", "teams_slug_format");
    }

    /** Whatever the table takes, the domain takes too (and the other way round, see the refusals). */
    private void insert(String slug, String displayName) {
        new TeamSlug(slug);
        Team.checkDisplayName(displayName);
        transaction
                .dsl()
                .insertInto(TEAMS)
                .set(TEAMS.SLUG, slug)
                .set(TEAMS.DISPLAY_NAME, displayName)
                .set(TEAMS.CREATED_AT, Instant.parse("2026-11-25T14:00:00Z"))
                .execute();
    }

    private void assertRefused(String slug, String displayName, String constraint) {
        assertThatThrownBy(() -> {
                    new TeamSlug(slug);
                    Team.checkDisplayName(displayName);
                })
                .as("the domain refuses %s / %s", slug, displayName)
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transaction.inSavepoint(() -> transaction
                        .dsl()
                        .insertInto(TEAMS)
                        .set(TEAMS.SLUG, slug)
                        .set(TEAMS.DISPLAY_NAME, displayName)
                        .set(TEAMS.CREATED_AT, Instant.parse("2026-11-25T14:00:00Z"))
                        .execute()))
                .as("%s / %s", slug, displayName)
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining(constraint);
    }
}
