package dev.daap.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.cost.CostSources.DatabaseLife;
import dev.daap.domain.cost.CostSources.PlanChange;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Pricing;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A month's lines: stretches by plan, hours across the month's edges, storage above the included, exact cents. */
class CostReportTest {
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final Instant START = Pricing.start(DECEMBER);
    private static final Instant END = Pricing.end(DECEMBER);
    private static final TeamSlug TEAM = new TeamSlug("checkout");
    private static final PlanName SMALL = new PlanName("small");
    private static final PlanName MEDIUM = new PlanName("medium");
    private static final Map<PlanName, Plan> PLANS = Map.of(
            SMALL, plan(SMALL, "15.00", "0.1000", 5_000_000_000L),
            MEDIUM, plan(MEDIUM, "60.00", "0.0800", 50_000_000_000L));

    @Test
    void aDatabaseFromTheMonthBeforeIsBilledFromTheMonthsFirstHourToItsDeletion() {
        DatabaseLife life = life(SMALL, "2026-11-20T08:00:00Z", "2026-12-02T10:30:00Z");

        List<PlanStretch> stretches = PlanStretch.of(life, List.of(), START, END);
        CostReport report = CostReport.price(DECEMBER, true, stretches, List.of(BigDecimal.ZERO), PLANS);

        assertThat(stretches).singleElement().satisfies(stretch -> {
            assertThat(stretch.from()).isEqualTo(START);
            assertThat(stretch.toHour()).isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));
        });
        CostLine line = report.lines().getFirst();
        assertThat(line.hours()).isEqualTo(35); // 24 + 11: the hour of 10:30 counts whole
        // 15.00 × 35 / 744 = 0.70564… → 0.71
        assertThat(line.amount()).isEqualByComparingTo("0.71").hasScaleOf(2);
        assertThat(report.total()).isEqualTo(new BigDecimal("0.71"));
    }

    @Test
    void aPlanChangeMidMonthIsTwoLinesEachOnItsPlanAndTheTotalIsTheirSum() {
        DatabaseLife life = life(MEDIUM, "2026-11-01T00:00:00Z", null);
        Instant change = Instant.parse("2026-12-16T12:20:00Z");
        var changes = List.of(
                new PlanChange(life.id(), change, SMALL, MEDIUM),
                new PlanChange(life.id(), Instant.parse("2027-01-03T00:00:00Z"), MEDIUM, SMALL));

        List<PlanStretch> stretches = PlanStretch.of(life, changes, START, END);
        // 2 GB over small's 5 GB for 10 hours; 1 GB over medium's 50 GB for 744 hours, in byte-hours
        CostReport report = CostReport.price(
                DECEMBER,
                true,
                stretches,
                List.of(new BigDecimal("20000000000"), new BigDecimal("744000000000")),
                PLANS);

        assertThat(stretches).extracting(PlanStretch::plan).containsExactly(SMALL, MEDIUM);
        assertThat(stretches.get(0).toHour()).isEqualTo(Instant.parse("2026-12-16T12:00:00Z"));
        assertThat(stretches.get(1).fromHour()).isEqualTo(Instant.parse("2026-12-16T12:00:00Z"));
        assertThat(report.lines()).extracting(CostLine::hours).containsExactly(373L, 372L);
        // small: (15.00 × 373 + 0.1000 × 20) / 744 = 7.5228… → 7.52
        assertThat(report.lines().get(0).amount()).isEqualTo(new BigDecimal("7.52"));
        assertThat(report.lines().get(0).storageGbDaysOverIncluded()).isEqualTo(new BigDecimal("0.833333"));
        // medium: (60.00 × 372 + 0.0800 × 744) / 744 = 30.08 exactly
        assertThat(report.lines().get(1).amount()).isEqualTo(new BigDecimal("30.08"));
        assertThat(report.total()).isEqualTo(new BigDecimal("37.60"));
    }

    @Test
    void halfACentRoundsToTheEvenCent() {
        // 0.3720 × 1 hour / 744 … use a price that lands on a half cent: 7.44 × 1 / 744 = 0.01 exactly, and
        // 3.72 × 1 / 744 = 0.005 → 0.00 (even), 11.16 × 1 / 744 = 0.015 → 0.02 (even)
        assertThat(Pricing.line(plan(SMALL, "3.72", "0", 0), 1, BigDecimal.ZERO, DECEMBER))
                .isEqualTo(new BigDecimal("0.00"));
        assertThat(Pricing.line(plan(SMALL, "11.16", "0", 0), 1, BigDecimal.ZERO, DECEMBER))
                .isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void aPlanNoLongerInTheCatalogIsALineOfZeroMarkedUnpriced() {
        DatabaseLife life = life(new PlanName("retired"), "2026-12-01T00:00:00Z", "2026-12-01T05:00:00Z");

        CostReport report = CostReport.price(
                DECEMBER, true, PlanStretch.of(life, List.of(), START, END), List.of(BigDecimal.ZERO), PLANS);

        assertThat(report.lines().getFirst().planPriced()).isFalse();
        assertThat(report.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aDatabaseCreatedAfterTheEndOrDeletedBeforeTheStartHasNoLine() {
        assertThat(PlanStretch.of(life(SMALL, "2027-01-01T00:00:00Z", null), List.of(), START, END))
                .isEmpty();
        assertThat(PlanStretch.of(life(SMALL, "2026-10-01T00:00:00Z", "2026-11-30T23:00:00Z"), List.of(), START, END))
                .isEmpty();
    }

    @Test
    void theLinesOfATeamAddUpToItsLineInThePlatformsReport() {
        DatabaseLife one = life(SMALL, "2026-12-01T00:00:00Z", null);
        DatabaseLife two = life(SMALL, "2026-12-10T00:00:00Z", null);
        var stretches = new java.util.ArrayList<PlanStretch>();
        stretches.addAll(PlanStretch.of(one, List.of(), START, END));
        stretches.addAll(PlanStretch.of(two, List.of(), START, END));

        CostReport report =
                CostReport.price(DECEMBER, true, stretches, List.of(BigDecimal.ZERO, BigDecimal.ZERO), PLANS);

        assertThat(report.byTeam()).singleElement().satisfies(team -> {
            assertThat(team.databases()).isEqualTo(2);
            assertThat(team.amount()).isEqualTo(report.total());
        });
        assertThat(report.total()).isEqualTo(new BigDecimal("25.65")); // 15.00 + 15.00 × 528 / 744 = 15.00 + 10.65
    }

    private static DatabaseLife life(PlanName plan, String created, String deleted) {
        return new DatabaseLife(
                new DatabaseId(UUID.randomUUID()),
                "orders",
                TEAM,
                plan,
                Instant.parse(created),
                deleted == null ? null : Instant.parse(deleted));
    }

    private static Plan plan(PlanName name, String perMonth, String perGb, long included) {
        return Plan.create(
                name,
                "",
                20,
                Math.max(included, 1) * 2,
                included,
                new BigDecimal(perMonth),
                new BigDecimal(perGb),
                false,
                Instant.EPOCH);
    }
}
