package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.PlanInUseException;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.error.PlanTakenException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanChanges;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link Plans} port keeps; the in-memory fake and the PostgreSQL adapter both
 * extend this class. Both start with the default catalog (small, medium, large); each test's plans have names of
 * their own. Calls expected to fail run through {@link #inTransaction}, as in {@link DatabasesContract}.
 */
public abstract class PlansContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");
    private final String run =
            "p" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    protected abstract Plans plans();

    /** The store of databases whose plans {@link Plans#usedBy} counts. */
    protected abstract Databases databases();

    /** Makes a team of this slug exist, for a database of it. */
    protected abstract void teamExists(TeamSlug slug);

    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void anAddedPlanIsFoundWithEveryFieldAndItsAmountsExact() {
        Plan plan = plan("gold", false, "12.34", "0.0125");

        plans().add(plan);

        Plan found = plans().find(plan.name()).orElseThrow();
        assertThat(found).isEqualTo(plan);
        assertThat(found.pricePerMonth().toPlainString()).isEqualTo("12.34");
        assertThat(found.pricePerGbMonth().toPlainString()).isEqualTo("0.0125");
        assertThat(plans().findForUse(plan.name())).contains(plan);
        assertThat(plans().list()).contains(plan);
        assertThat(plans().find(name("nothing"))).isEmpty();
    }

    @Test
    void aSecondPlanOfTheNameIsRefused() {
        Plan first = plan("gold", false, "1.00", "0");
        plans().add(first);

        assertThatThrownBy(() -> inTransaction(() -> plans().add(plan("gold", false, "2.00", "0"))))
                .isInstanceOf(PlanTakenException.class);
        assertThat(plans().find(first.name())).contains(first);
    }

    @Test
    void aNewDefaultTakesTheFlagFromTheOneThatHadIt() {
        Plan a = plan("a", true, "1.00", "0");
        plans().add(a);
        assertThat(plans().findDefault()).contains(a);

        plans().add(plan("b", true, "2.00", "0"));

        assertThat(plans().findDefault().map(Plan::name)).contains(name("b"));
        assertThat(plans().find(a.name()).orElseThrow().isDefault()).isFalse();
        Plan again = plans().find(a.name()).orElseThrow();
        plans().update(again.change(flag(true), T0), again.version());
        assertThat(plans().findDefault().map(Plan::name)).contains(a.name());
        assertThat(plans().find(name("b")).orElseThrow().isDefault()).isFalse();
    }

    @Test
    void anUpdateAppliesOnlyToTheVersionItWasMadeAgainst() {
        Plan plan = plan("gold", false, "1.00", "0");
        plans().add(plan);
        Plan changed = plan.change(
                new PlanChanges(null, null, null, null, Optional.of(new BigDecimal("3.50")), null, null), T0);

        plans().update(changed, plan.version());

        assertThat(plans().find(plan.name())).contains(changed);
        assertThatThrownBy(() -> inTransaction(() -> plans().update(changed, plan.version())))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void aPlanThatADatabaseUsesIsNotRemovedAndAnUnusedOneIs() {
        Plan used = plan("used", false, "1.00", "0");
        Plan unused = plan("unused", false, "1.00", "0");
        plans().add(used);
        plans().add(unused);
        TeamSlug team = new TeamSlug(run + "-team");
        teamExists(team);
        Database database = DatabaseBuilder.aDatabase()
                .named(run + "-db")
                .ownedBy(team)
                .build()
                .withPlan(used.name());
        databases().add(database);

        assertThat(plans().usedBy(used.name())).isEqualTo(1);
        assertThatThrownBy(() -> inTransaction(() -> plans().remove(used.name())))
                .isInstanceOf(PlanInUseException.class);
        plans().remove(unused.name());

        assertThat(plans().find(used.name())).isPresent();
        assertThat(plans().find(unused.name())).isEmpty();
        assertThatThrownBy(() -> inTransaction(() -> plans().remove(unused.name())))
                .isInstanceOf(PlanNotFoundException.class);
    }

    @Test
    void aPurgedDatabaseNoLongerHoldsItsPlan() {
        Plan plan = plan("old", false, "1.00", "0");
        plans().add(plan);
        TeamSlug team = new TeamSlug(run + "-team");
        teamExists(team);
        Database live = DatabaseBuilder.aDatabase()
                .named(run + "-db")
                .ownedBy(team)
                .withStatus(DatabaseStatus.PURGED)
                .build();
        Database purged = new Database(
                        live.id(),
                        live.name(),
                        live.ownerTeam(),
                        live.purpose(),
                        DatabaseStatus.PURGED,
                        null,
                        live.labels(),
                        T0,
                        T0,
                        T0,
                        1)
                .withPlan(plan.name());
        databases().add(purged);

        assertThat(plans().usedBy(plan.name())).isZero();
    }

    private PlanName name(String suffix) {
        return new PlanName(run + "-" + suffix);
    }

    private Plan plan(String suffix, boolean isDefault, String price, String perGb) {
        return Plan.create(
                name(suffix),
                "Plan " + suffix,
                50,
                10_000_000_000L,
                1_000_000_000L,
                new BigDecimal(price),
                new BigDecimal(perGb),
                isDefault,
                T0);
    }

    private static PlanChanges flag(boolean isDefault) {
        return new PlanChanges(null, null, null, null, null, null, Optional.of(isDefault));
    }
}
