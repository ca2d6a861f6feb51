package dev.daap.adapters.postgres;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Reports a statement that failed because the metadata database is out of reach as the domain's store-unavailable
 * error (see {@link StoreErrors}), for every statement jOOQ runs on the metadata database: connections outside a
 * transaction are acquired within the statement's run, so the pool giving up waiting ends here too.
 */
final class StoreUnavailableListener implements ExecuteListener {
    @Override
    public void exception(ExecuteContext context) {
        if (context.exception() != null) {
            context.exception(StoreErrors.translate(context.exception()));
        }
    }
}
