package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.domain.event.EventLog;
import dev.daap.testing.EventLogContract;
import java.util.function.Supplier;

/** The same rules the in-memory fake keeps, on PostgreSQL, with transactions that commit. */
class JooqEventLogContractTest extends EventLogContract {
    private static final CommittedDatabase DATABASE = new CommittedDatabase("event_log_contract");
    private final JooqTransactions transactions = new JooqTransactions(DATABASE.dsl);
    private final JooqEventLog log = new JooqEventLog(transactions, JooqEventLog.channelFor("daap"));

    @Override
    protected EventLog log() {
        return log;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }
}
