package dev.daap.application.database;

import dev.daap.domain.access.Caller;
import dev.daap.domain.plan.Quote;

/**
 * A dry run of a change ({@code ?dry_run=true}): what it would add to its team's spend this month (a dearer plan),
 * after every check the change makes first; nothing is stored, audited or queued.
 */
public final class QuoteDatabaseChange {
    private final UpdateDatabase update;

    public QuoteDatabaseChange(UpdateDatabase update) {
        this.update = update;
    }

    public Quote execute(Caller caller, UpdateDatabaseCommand command) {
        return update.quote(caller, command);
    }
}
