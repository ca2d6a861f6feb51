package dev.daap.adapters.http.cost;

import dev.daap.application.cost.GetPlatformCosts;
import dev.daap.application.cost.GetTeamCosts;
import java.time.Clock;
import java.util.Objects;

/** The use cases behind the cost reports; {@code clock} gives the current month, {@code currency} the amounts'. */
public record CostUseCases(GetTeamCosts team, GetPlatformCosts platform, String currency, Clock clock) {
    public CostUseCases {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(clock, "clock");
    }
}
