package dev.daap.domain.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What databases cost, as pure functions over exact decimals. The rules, which the README states too:
 * <ul>
 *   <li>A database's monthly price is its plan's {@code price_per_month}, plus {@code price_per_gb_month} for every
 *       GB (10^9 bytes, pro rata) of its last measured size above the plan's included storage.</li>
 *   <li>Months are calendar months in UTC, billed by the clock hour: every clock hour a database is live in, even in
 *       part, counts whole; a month of {@code H} hours charges {@code hours / H} of the monthly price.</li>
 *   <li>Each line (one database on one plan in one month) is rounded once, half-even to cents; totals are sums of
 *       rounded lines, so they add up to what the lines show.</li>
 * </ul>
 */
public final class Pricing {
    /** Cents: the scale of every amount DAAP reports. */
    public static final int SCALE = 2;

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1_000_000_000L);

    private Pricing() {}

    /** One stretch of a database's life on one plan: from {@code from} to {@code to} (null: still running). */
    public record Usage(BigDecimal monthlyPrice, Instant from, Instant to) {}

    /** The plan's price for a month of a database of {@code storageBytes} (null: not measured yet), not rounded. */
    public static BigDecimal monthlyPrice(Plan plan, Long storageBytes) {
        long over = storageBytes == null ? 0 : Math.max(0, storageBytes - plan.includedStorageBytes());
        if (over == 0) {
            return plan.pricePerMonth();
        }
        BigDecimal gigabytes = BigDecimal.valueOf(over).divide(BYTES_PER_GB);
        return plan.pricePerMonth().add(plan.pricePerGbMonth().multiply(gigabytes));
    }

    /** The first instant of {@code month} in UTC. */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after {@code month} in UTC. */
    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** The month (UTC) that {@code instant} falls in. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    public static long hoursOf(YearMonth month) {
        return Duration.between(start(month), end(month)).toHours();
    }

    /** The clock hours of {@code month} that {@code [from, to)} touches; {@code to} null: until the month ends. */
    public static long hoursIn(YearMonth month, Instant from, Instant to) {
        Instant first = later(from.truncatedTo(ChronoUnit.HOURS), start(month));
        Instant until = to == null ? end(month) : earlier(ceilingHour(to), end(month));
        return until.isAfter(first) ? Duration.between(first, until).toHours() : 0;
    }

    /** A line: {@code hours} of a month at {@code monthlyPrice}, rounded half-even to cents. */
    public static BigDecimal prorated(BigDecimal monthlyPrice, long hours, YearMonth month) {
        return monthlyPrice
                .multiply(BigDecimal.valueOf(hours))
                .divide(BigDecimal.valueOf(hoursOf(month)), SCALE, ROUNDING);
    }

    /**
     * A line of a cost report: {@code hours} of {@code month} at the plan's monthly price, plus its price per GB-month
     * for {@code gbHoursOver}, the measured storage above its included storage summed hour by hour (GB × hours), as
     * the same share of the month; rounded once, half-even to cents.
     */
    public static BigDecimal line(Plan plan, long hours, BigDecimal gbHoursOver, YearMonth month) {
        return plan.pricePerMonth()
                .multiply(BigDecimal.valueOf(hours))
                .add(plan.pricePerGbMonth().multiply(gbHoursOver))
                .divide(BigDecimal.valueOf(hoursOf(month)), SCALE, ROUNDING);
    }

    /** The cost of one stretch within {@code month}: a rounded line. */
    public static BigDecimal cost(Usage usage, YearMonth month) {
        return prorated(usage.monthlyPrice(), hoursIn(month, usage.from(), usage.to()), month);
    }

    /** The sum of the stretches' lines within {@code month} (a plan change mid-month is two stretches). */
    public static BigDecimal total(List<Usage> usages, YearMonth month) {
        return usages.stream()
                .map(usage -> cost(usage, month))
                .reduce(BigDecimal.ZERO.setScale(SCALE), BigDecimal::add);
    }

    private static Instant ceilingHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
