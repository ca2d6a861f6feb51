package dev.daap.adapters.http.usage;

import dev.daap.application.usage.GetDatabaseUsage;
import dev.daap.application.usage.GetTeamUsage;
import java.time.Clock;
import java.util.Objects;

/** The use cases behind the usage reads; {@code clock} says what "now" is for a range left open. */
public record UsageUseCases(GetDatabaseUsage database, GetTeamUsage team, Clock clock) {
    public UsageUseCases {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(clock, "clock");
    }
}
