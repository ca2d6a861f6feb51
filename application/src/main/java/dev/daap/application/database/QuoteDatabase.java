package dev.daap.application.database;

import dev.daap.domain.access.Caller;
import dev.daap.domain.plan.Quote;

/**
 * A dry run of a create ({@code ?dry_run=true}): what the new database would cost its team this month, after every
 * check the create makes before it writes; nothing is stored, audited or queued.
 */
public final class QuoteDatabase {
    private final CreateDatabase create;

    public QuoteDatabase(CreateDatabase create) {
        this.create = create;
    }

    public Quote execute(Caller caller, CreateDatabaseCommand command) {
        return create.quote(caller, command);
    }
}
