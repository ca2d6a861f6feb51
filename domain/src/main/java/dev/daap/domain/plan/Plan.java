package dev.daap.domain.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A plan of the catalog that platform admins keep: the limits a database of it gets on its cluster and what it
 * costs. Amounts are exact decimals in the installation's one currency (see {@link Pricing}); never floating point.
 *
 * @param maxConnections       the connection limit of the database on its cluster
 * @param storageLimitBytes    how large the database may grow
 * @param includedStorageBytes storage the monthly price covers; beyond it, {@code pricePerGbMonth} per GB
 * @param pricePerMonth        for a database live the whole month
 * @param pricePerGbMonth      per GB (10^9 bytes) a month over the included storage
 * @param isDefault            the plan of a database whose create names none; one plan at most is the default
 */
public record Plan(
        PlanName name,
        String description,
        int maxConnections,
        long storageLimitBytes,
        long includedStorageBytes,
        BigDecimal pricePerMonth,
        BigDecimal pricePerGbMonth,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    public static final int MAX_DESCRIPTION_LENGTH = 1000;
    public static final int MAX_CONNECTIONS = 10_000;
    /** Decimal places an amount may have: cents for the monthly price, finer for the price of a GB. */
    public static final int PRICE_SCALE = 2;

    public static final int PRICE_PER_GB_SCALE = 4;
    /** Below what numeric(14, x) holds in the table, and far above any plausible price. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    public Plan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        checkDescription(description);
        checkMaxConnections(maxConnections);
        checkStorageLimit(storageLimitBytes);
        checkIncludedStorage(includedStorageBytes);
        if (includedStorageBytes > storageLimitBytes) {
            throw new IllegalArgumentException("included storage must not exceed the storage limit");
        }
        // One scale per amount, as the table keeps them: equal prices are equal values.
        pricePerMonth = checkPrice(pricePerMonth, PRICE_SCALE).setScale(PRICE_SCALE);
        pricePerGbMonth = checkPrice(pricePerGbMonth, PRICE_PER_GB_SCALE).setScale(PRICE_PER_GB_SCALE);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A new plan of the catalog, at version 1. */
    public static Plan create(
            PlanName name,
            String description,
            int maxConnections,
            long storageLimitBytes,
            long includedStorageBytes,
            BigDecimal pricePerMonth,
            BigDecimal pricePerGbMonth,
            boolean isDefault,
            Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Plan(
                name,
                description,
                maxConnections,
                storageLimitBytes,
                includedStorageBytes,
                pricePerMonth,
                pricePerGbMonth,
                isDefault,
                at,
                at,
                1);
    }

    /** The plan with {@code changes} applied and the next version. */
    public Plan change(PlanChanges changes, Instant now) {
        return new Plan(
                name,
                changes.description().orElse(description),
                changes.maxConnections().orElse(maxConnections),
                changes.storageLimitBytes().orElse(storageLimitBytes),
                changes.includedStorageBytes().orElse(includedStorageBytes),
                changes.pricePerMonth().orElse(pricePerMonth),
                changes.pricePerGbMonth().orElse(pricePerGbMonth),
                changes.isDefault().orElse(isDefault),
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS),
                version + 1);
    }

    /** Whether its limits differ from {@code other}'s (what a database's cluster must be told). */
    public boolean limitsDifferFrom(Plan other) {
        return maxConnections != other.maxConnections || storageLimitBytes != other.storageLimitBytes;
    }

    public static String checkDescription(String value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_DESCRIPTION_LENGTH + " characters long");
        }
        return value;
    }

    public static int checkMaxConnections(long value) {
        if (value < 1 || value > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("must be from 1 to " + MAX_CONNECTIONS);
        }
        return (int) value;
    }

    public static long checkStorageLimit(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }

    public static long checkIncludedStorage(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return value;
    }

    /** A price: not negative, below {@link #MAX_PRICE}, with at most {@code scale} decimal places. */
    public static BigDecimal checkPrice(BigDecimal value, int scale) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (value.compareTo(MAX_PRICE) >= 0) {
            throw new IllegalArgumentException("must be below " + MAX_PRICE.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("must have at most " + scale + " decimal places");
        }
        return value;
    }
}
