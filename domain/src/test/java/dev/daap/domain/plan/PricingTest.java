package dev.daap.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pricing rules the README states, on exact decimals: proration by the clock hour, one rounding per line. */
class PricingTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final Plan SMALL = Plan.create(
            PlanName.CATALOG_DEFAULT,
            "",
            20,
            10_000_000_000L,
            5_000_000_000L,
            new BigDecimal("15.00"),
            new BigDecimal("0.1000"),
            true,
            Instant.EPOCH);

    @Test
    void aMonthHasItsOwnNumberOfHoursInUtc() {
        assertThat(Pricing.hoursOf(NOVEMBER)).isEqualTo(720);
        assertThat(Pricing.hoursOf(DECEMBER)).isEqualTo(744);
        assertThat(Pricing.hoursOf(YearMonth.of(2028, 2))).isEqualTo(696);
    }

    @Test
    void everyClockHourTouchedCountsWhole() {
        Instant from = Instant.parse("2026-11-25T14:59:59Z");
        Instant to = Instant.parse("2026-11-25T15:00:01Z");

        assertThat(Pricing.hoursIn(NOVEMBER, from, to)).isEqualTo(2);
        assertThat(Pricing.hoursIn(
                        NOVEMBER, Instant.parse("2026-11-25T14:00:00Z"), Instant.parse("2026-11-25T15:00:00Z")))
                .isEqualTo(1);
        assertThat(Pricing.hoursIn(NOVEMBER, Instant.parse("2026-11-25T14:00:00Z"), null))
                .as("running until the month ends")
                .isEqualTo(130);
    }

    @Test
    void aDatabaseAcrossAMonthBoundaryIsProratedInEachMonthByItsHours() {
        var usage = new Pricing.Usage(
                new BigDecimal("15.00"), Instant.parse("2026-11-30T22:30:00Z"), Instant.parse("2026-12-01T01:10:00Z"));

        // November: 22:00 and 23:00, 2 of 720 hours: 15 × 2 / 720 = 0.041666… → 0.04
        assertThat(Pricing.cost(usage, NOVEMBER)).isEqualByComparingTo("0.04").hasToString("0.04");
        // December: 00:00 and 01:00, 2 of 744 hours: 15 × 2 / 744 = 0.040322… → 0.04
        assertThat(Pricing.cost(usage, DECEMBER)).hasToString("0.04");
        assertThat(Pricing.cost(usage, YearMonth.of(2027, 1))).hasToString("0.00");
    }

    @Test
    void aWholeMonthCostsExactlyTheMonthlyPrice() {
        var usage = new Pricing.Usage(new BigDecimal("15.00"), Instant.parse("2026-10-03T08:00:00Z"), null);

        assertThat(Pricing.cost(usage, NOVEMBER)).hasToString("15.00");
        assertThat(Pricing.cost(usage, DECEMBER)).hasToString("15.00");
    }

    @Test
    void aPlanChangeMidMonthPricesEachStretchOnItsPlanAndRoundsEachLineOnce() {
        Instant change = Instant.parse("2026-11-16T00:00:00Z");
        List<Pricing.Usage> stretches = List.of(
                new Pricing.Usage(new BigDecimal("15.00"), Instant.parse("2026-11-01T00:00:00Z"), change),
                new Pricing.Usage(new BigDecimal("60.00"), change, null));

        // 15 × 360 / 720 = 7.50, and 60 × 360 / 720 = 30.00
        assertThat(Pricing.total(stretches, NOVEMBER)).hasToString("37.50");
    }

    @Test
    void halfACentRoundsToTheEvenCent() {
        // 1.80 × 5 / 720 = 0.0125 → 0.01 (even); 1.80 × 7 / 720 = 0.0175 → 0.02 (even)
        assertThat(Pricing.prorated(new BigDecimal("1.80"), 5, NOVEMBER)).hasToString("0.01");
        assertThat(Pricing.prorated(new BigDecimal("1.80"), 7, NOVEMBER)).hasToString("0.02");
    }

    @Test
    void storageOverTheIncludedPartIsPricedPerGbExactly() {
        assertThat(Pricing.monthlyPrice(SMALL, null)).hasToString("15.00");
        assertThat(Pricing.monthlyPrice(SMALL, 4_000_000_000L)).hasToString("15.00");
        // 2.5 GB over at 0.1000: 0.25 more, exactly
        assertThat(Pricing.monthlyPrice(SMALL, 7_500_000_000L)).isEqualByComparingTo("15.25");
        // one byte over: 1e-9 GB × 0.1 — exact, not floating point
        assertThat(Pricing.monthlyPrice(SMALL, 5_000_000_001L)).isEqualByComparingTo("15.0000000001");
    }

    @Test
    void amountsAreCheckedForSignScaleAndSize() {
        assertThatThrownBy(() -> Plan.checkPrice(new BigDecimal("-1"), 2)).hasMessageContaining("negative");
        assertThatThrownBy(() -> Plan.checkPrice(new BigDecimal("1.001"), 2)).hasMessageContaining("2 decimal");
        assertThatThrownBy(() -> Plan.checkPrice(new BigDecimal("1000000000"), 2))
                .hasMessageContaining("below");
        assertThat(Plan.checkPrice(new BigDecimal("1.100"), 2)).isEqualByComparingTo("1.1");
    }

    @Test
    void aQuoteExactlyAtTheBudgetIsNotOverIt() {
        Quote at = new Quote(
                BigDecimal.TEN,
                BigDecimal.ONE,
                BigDecimal.ONE,
                new BigDecimal("5.42"),
                new BigDecimal("5.42"),
                BigDecimal.ZERO,
                "EUR");
        Quote over = new Quote(
                BigDecimal.TEN,
                BigDecimal.ONE,
                BigDecimal.ONE,
                new BigDecimal("5.43"),
                new BigDecimal("5.42"),
                new BigDecimal("-0.01"),
                "EUR");

        assertThat(at.overBudget()).isFalse();
        assertThat(over.overBudget()).isTrue();
    }
}
