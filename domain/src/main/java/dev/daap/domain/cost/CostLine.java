package dev.daap.domain.cost;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a cost report: a database on one plan in a month (two lines when its plan changed in it).
 *
 * @param hours                     the clock hours of the month it was live in on this plan, each touched counting
 *                                  whole
 * @param storageGbDaysOverIncluded the measured storage above the plan's included storage, in GB-days (10^9 bytes
 *                                  for 24 hours), to six decimals
 * @param amount                    the line's price, rounded half-even to cents; zero when the plan is no longer in
 *                                  the catalog ({@code planPriced} false)
 */
public record CostLine(
        DatabaseId databaseId,
        String name,
        TeamSlug team,
        PlanName plan,
        Instant from,
        Instant to,
        long hours,
        BigDecimal storageGbDaysOverIncluded,
        BigDecimal amount,
        boolean planPriced) {}
