package dev.daap.application.plan;

import dev.daap.domain.error.BudgetExceededException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.QuotaExceededException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.plan.Pricing;
import dev.daap.domain.plan.Quote;
import dev.daap.domain.plan.Spending;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Admits a team's request that adds a database or cost, before anything is written, inside the caller's
 * transaction: it locks the team's row first, so the team's admissions run one at a time and two requests that each
 * fit but not together cannot both pass (the lock is held until the request's transaction commits).
 *
 * <p>The quota counts the team's live databases. The budget compares the team's projected spend this month with the
 * new item to its monthly budget: the spend so far plus what its databases cost until the month ends, each priced
 * by the hour (see {@link Pricing}) with the plan it has now, from its creation (or the month's start) to its
 * deletion (or the month's end). That is an approximation: a database whose plan changed this month is priced on
 * the new plan for the whole month. Exactly at the budget is admitted; over it is refused.
 */
public final class Admission {
    private final Teams teams;
    private final Plans plans;
    private final Spending spending;
    private final AdmissionSettings settings;
    private final Clock clock;

    public Admission(Teams teams, Plans plans, Spending spending, AdmissionSettings settings, Clock clock) {
        this.teams = teams;
        this.plans = plans;
        this.spending = spending;
        this.settings = settings;
        this.clock = clock;
    }

    public String currency() {
        return settings.currency();
    }

    /**
     * A new database of {@code team} on {@code plan}: quota, then budget. The quote is empty unless asked for or the
     * team has a budget.
     */
    public Optional<Quote> admitDatabase(TeamSlug team, Plan plan, boolean quoteAnyway) {
        Team locked = lock(team);
        long limit = locked.maxDatabases() == null ? settings.defaultMaxDatabases() : locked.maxDatabases();
        if (spending.liveDatabases(team, limit) >= limit) {
            throw new QuotaExceededException("team " + team + " may have live databases", limit);
        }
        return priced(locked, Pricing.monthlyPrice(plan, null), BigDecimal.ZERO, quoteAnyway);
    }

    /**
     * A database of {@code team} measured at {@code storageBytes} moves from plan {@code from} to {@code to}: what it
     * adds is the difference of their prices until the month ends (a cheaper plan adds nothing, and is admitted).
     */
    public Optional<Quote> admitPlanChange(TeamSlug team, Plan from, Plan to, Long storageBytes, boolean quoteAnyway) {
        Team locked = lock(team);
        return priced(
                locked, Pricing.monthlyPrice(to, storageBytes), Pricing.monthlyPrice(from, storageBytes), quoteAnyway);
    }

    private Team lock(TeamSlug team) {
        return teams.lockForAdmission(team)
                .orElseThrow(() -> InvalidInputException.of("owner_team", "no team is named " + team));
    }

    /** Without a budget, and not asked for a quote, nothing is priced: the common case costs one count. */
    private Optional<Quote> priced(
            Team team, BigDecimal monthlyPrice, BigDecimal replacedMonthlyPrice, boolean quoteAnyway) {
        if (team.monthlyBudget() == null && !quoteAnyway) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        YearMonth month = Pricing.monthOf(now);
        BigDecimal thisRequest = Pricing.cost(new Pricing.Usage(monthlyPrice, now, null), month)
                .subtract(Pricing.cost(new Pricing.Usage(replacedMonthlyPrice, now, null), month))
                .max(BigDecimal.ZERO.setScale(Pricing.SCALE));
        BigDecimal without = projected(team.slug(), month);
        BigDecimal with = without.add(thisRequest);
        BigDecimal budget =
                team.monthlyBudget() == null ? null : team.monthlyBudget().amount();
        Quote quote = new Quote(
                monthlyPrice.setScale(Pricing.SCALE, Pricing.ROUNDING),
                thisRequest,
                without,
                with,
                budget,
                budget == null ? null : budget.subtract(with),
                settings.currency());
        if (quote.overBudget()) {
            throw new BudgetExceededException(budget, with, thisRequest, settings.currency());
        }
        return Optional.of(quote);
    }

    /** The team's spend this month so far plus what it runs until the month ends. */
    private BigDecimal projected(TeamSlug team, YearMonth month) {
        Map<PlanName, Plan> catalog = plans.list().stream().collect(Collectors.toMap(Plan::name, Function.identity()));
        return spending.usage(team, Pricing.start(month), Pricing.end(month)).stream()
                .map(database -> {
                    Plan plan = catalog.get(database.plan());
                    // A plan removed since (only purged databases can have one) costs nothing more.
                    BigDecimal price =
                            plan == null ? BigDecimal.ZERO : Pricing.monthlyPrice(plan, database.storageBytes());
                    return Pricing.cost(new Pricing.Usage(price, database.createdAt(), database.deletedAt()), month);
                })
                .reduce(BigDecimal.ZERO.setScale(Pricing.SCALE), BigDecimal::add);
    }
}
