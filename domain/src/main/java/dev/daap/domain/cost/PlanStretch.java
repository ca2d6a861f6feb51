package dev.daap.domain.cost;

import dev.daap.domain.cost.CostSources.DatabaseLife;
import dev.daap.domain.cost.CostSources.PlanChange;
import dev.daap.domain.plan.PlanName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One stretch of a database's life in a month on one plan: a line of a cost report. {@code from}/{@code to} are the
 * exact instants (hours are billed from them, every clock hour touched counting whole); {@code fromHour}/{@code
 * toHour} are the hourly rollups whose storage the line charges, so that an hour in which the plan changed is
 * charged storage once, on the plan it started on.
 */
public record PlanStretch(
        DatabaseLife database, PlanName plan, Instant from, Instant to, Instant fromHour, Instant toHour) {

    /**
     * The stretches of {@code life} within {@code [start, end)} (a month, or its part until now): the plan it had at
     * {@code start} is the {@code before} of its first change after it (or its plan now, when none came after), then
     * each change's {@code after} from the change on.
     *
     * @param changes the database's plan changes at or after {@code start}, oldest first
     */
    public static List<PlanStretch> of(DatabaseLife life, List<PlanChange> changes, Instant start, Instant end) {
        Instant from = later(life.createdAt(), start);
        Instant to = life.deletedAt() == null ? end : earlier(life.deletedAt(), end);
        if (!to.isAfter(from)) {
            return List.of();
        }
        List<PlanChange> after =
                changes.stream().filter(change -> change.at().isAfter(from)).toList();
        PlanName plan = after.isEmpty() ? life.plan() : after.getFirst().before();
        List<PlanStretch> stretches = new ArrayList<>();
        Instant stretchFrom = from;
        for (PlanChange change : after) {
            if (!change.at().isBefore(to)) {
                break;
            }
            if (!change.after().equals(plan)) {
                stretches.add(stretch(life, plan, stretchFrom, change.at(), to));
                stretchFrom = change.at();
                plan = change.after();
            }
        }
        stretches.add(stretch(life, plan, stretchFrom, to, to));
        return List.copyOf(stretches);
    }

    /** Rollup hours: from the hour the stretch starts in; to the hour a change falls in, or past the life's end. */
    private static PlanStretch stretch(DatabaseLife life, PlanName plan, Instant from, Instant to, Instant lifeTo) {
        Instant toHour = to.equals(lifeTo) ? ceilingHour(to) : hourOf(to);
        return new PlanStretch(life, plan, from, to, hourOf(from), toHour);
    }

    private static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    private static Instant ceilingHour(Instant instant) {
        Instant floor = hourOf(instant);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
