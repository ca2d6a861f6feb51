package dev.daap.application.event;

import dev.daap.domain.event.EventLog;
import dev.daap.testing.EventLogContract;
import dev.daap.testing.InMemoryEventLog;
import java.util.function.Supplier;

/** The fake behind the use-case tests keeps the same rules as the PostgreSQL log. */
class InMemoryEventLogContractTest extends EventLogContract {
    private final InMemoryEventLog log = new InMemoryEventLog();

    @Override
    protected EventLog log() {
        return log;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
