package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.error.TeamTakenException;
import dev.daap.domain.team.MonthlyBudget;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link Teams} port keeps; the in-memory fake and the PostgreSQL adapter
 * both extend this class. Each test's slugs start with a prefix of its own, and lists are read from just before
 * that prefix, so the tests also pass on a store that holds other teams.
 * <p>
 * Store calls that are expected to fail run through {@link #inTransaction(Runnable)}, as in
 * {@link DatabasesContract}.
 */
public abstract class TeamsContract {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.123456Z");

    /** A slug itself ("t" and eight hex digits), and just before every slug of this test ("t…-a", "t…-b", …). */
    private final String run =
            "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    /** The store under test, ready to use. */
    protected abstract Teams teams();

    /** Runs {@code work} in its own (nested) transaction; the default suits stores without transactions. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void anAddedTeamIsFoundWithEveryField() {
        Team team = new Team(slug("payments"), "Payments & Billing — EMEA", T0);

        teams().add(team);

        assertThat(teams().find(team.slug())).contains(team);
    }

    @Test
    void aTeamsQuotaAndBudgetAreStoredExactlyAndRemovedAgain() {
        Team team = add("payments");
        Team limited = team.withLimits(20, new MonthlyBudget(new BigDecimal("500.5"), "EUR"));

        teams().updateLimits(limited);

        assertThat(teams().find(team.slug())).contains(limited);
        assertThat(teams().lockForAdmission(team.slug())).contains(limited);
        assertThat(limited.monthlyBudget().amount().toPlainString()).isEqualTo("500.50");
        teams().updateLimits(team);
        assertThat(teams().find(team.slug())).contains(team);
        assertThat(teams().lockForAdmission(slug("nobody"))).isEmpty();
        assertThatThrownBy(() -> inTransaction(() -> teams().updateLimits(new Team(slug("nobody"), "Nobody", T0))))
                .isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void anUnknownSlugIsNotFound() {
        assertThat(teams().find(slug("nobody"))).isEmpty();
    }

    @Test
    void aSecondTeamWithTheSameSlugIsRefusedAndTheFirstIsKept() {
        Team first = add("payments");
        Team again = new Team(first.slug(), "Someone else", T0.plusSeconds(60));

        assertThatThrownBy(() -> inTransaction(() -> teams().add(again)))
                .isInstanceOf(TeamTakenException.class)
                .hasMessageContaining(first.slug().value());
        assertThat(teams().find(first.slug())).contains(first);
    }

    @Test
    void theListIsInSlugOrderAndEachPageStartsAfterTheLastSlugOfThePrevious() {
        List<Team> added = new ArrayList<>();
        for (String name : List.of("e", "b", "d", "a", "c")) {
            added.add(add(name));
        }

        List<List<Team>> pages = pagesFrom(new TeamSlug(run), 2);

        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(List::stream).toList())
                .containsExactly(
                        team(added, "a"), team(added, "b"), team(added, "c"), team(added, "d"), team(added, "e"));
    }

    @Test
    void aPageStartsAfterTheGivenSlugWhetherOrNotATeamHasIt() {
        add("a");
        Team c = add("c");
        Team d = add("d");

        assertThat(mine(teams().list(Optional.of(slug("b")), 10))).containsExactly(c, d);
        assertThat(mine(teams().list(Optional.of(slug("c")), 10))).containsExactly(d);
        assertThat(mine(teams().list(Optional.of(slug("d")), 10))).isEmpty();
    }

    @Test
    void withoutAPositionTheListStartsAtTheFirstSlug() {
        Team b = add("b");
        Team a = add("a");

        List<Team> everything = teams().list(Optional.empty(), 10_000);

        assertThat(mine(everything)).containsExactly(a, b);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> teams().list(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private TeamSlug slug(String name) {
        return new TeamSlug(run + "-" + name);
    }

    private Team add(String name) {
        Team team = new Team(slug(name), "Team " + name.toUpperCase(java.util.Locale.ROOT), T0);
        teams().add(team);
        return team;
    }

    private Team team(List<Team> added, String name) {
        return added.stream()
                .filter(team -> team.slug().equals(slug(name)))
                .findFirst()
                .orElseThrow();
    }

    /** The teams of this test among {@code teams}. */
    private List<Team> mine(List<Team> teams) {
        return teams.stream()
                .filter(team -> team.slug().value().startsWith(run + "-"))
                .toList();
    }

    /** Follows pages from {@code start} until one is not full or reaches past this test's slugs. */
    private List<List<Team>> pagesFrom(TeamSlug start, int limit) {
        List<List<Team>> pages = new ArrayList<>();
        Optional<TeamSlug> after = Optional.of(start);
        while (pages.size() < 100) {
            List<Team> page = teams().list(after, limit);
            List<Team> ours = mine(page);
            if (!ours.isEmpty()) {
                pages.add(ours);
            }
            if (page.size() < limit || ours.size() < page.size()) {
                return pages;
            }
            after = Optional.of(page.getLast().slug());
        }
        throw new AssertionError("the list never ended");
    }
}
