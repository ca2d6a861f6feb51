package dev.daap.bootstrap;

import static dev.daap.adapters.postgres.generated.Tables.DATABASE_REVISIONS;
import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.audit.JooqAuditLog;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.adapters.postgres.event.JooqEventLog;
import dev.daap.adapters.postgres.job.JooqJobQueue;
import dev.daap.adapters.postgres.revision.JooqRevisions;
import dev.daap.adapters.postgres.team.JooqTeams;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.application.database.UpdateDatabaseCommand;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.job.JobSettings;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestPostgres;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A revision is written in the transaction of the change it records, on PostgreSQL: committed with it, and gone
 * with it when the change fails after the revision was written (here, at its event, the last write of the change).
 */
class RevisionTransactionTest {
    private final Clock clock = Clock.systemUTC();
    private final UuidV7Generator ids = new UuidV7Generator(clock);
    private final Caller member = TestCallers.of("ledger", Role.MEMBER);
    private DSLContext dsl;
    private JooqTransactions transactions;
    private JooqDatabases databases;
    private JooqRevisions revisions;
    private Database stored;

    @BeforeEach
    void aDatabaseOnAFreshSchema() {
        TestPostgres postgres = TestPostgres.shared();
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("revision_transactions"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        transactions = new JooqTransactions(dsl);
        databases = new JooqDatabases(transactions);
        revisions = new JooqRevisions(transactions);
        new JooqTeams(transactions).add(new Team(new TeamSlug("ledger"), "Ledger", clock.instant()));
        stored = aDatabase()
                .named("books")
                .ownedBy("ledger")
                .withPurpose("Books")
                .build();
        databases.add(stored);
    }

    @Test
    void aChangeCommitsWithItsRevision() {
        update(new JooqEventLog(transactions, JooqEventLog.channelFor("daap")));

        Revision revision = revisions.find(stored.id(), stored.version() + 1).orElseThrow();
        assertThat(revision.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("purpose");
            assertThat(change.before()).isEqualTo("Books");
            assertThat(change.after()).isEqualTo("Books and ledgers");
        });
        assertThat(revision.actor().keyId()).isEqualTo(member.principal().keyId());
    }

    @Test
    void aChangeThatFailsAfterItsRevisionLeavesNeitherBehind() {
        EventLog failing = (EventLog) Proxy.newProxyInstance(
                EventLog.class.getClassLoader(), new Class<?>[] {EventLog.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("the event log is down");
                });

        assertThatThrownBy(() -> update(failing)).hasMessageContaining("the event log is down");

        assertThat(dsl.fetchCount(DATABASE_REVISIONS)).isZero();
        assertThat(databases.find(stored.id()).orElseThrow().purpose().value()).isEqualTo("Books");
    }

    private void update(EventLog events) {
        var audit = new AuditTrail(new JooqAuditLog(transactions), revisions, ids, clock);
        new UpdateDatabase(
                        transactions,
                        databases,
                        new JooqTeams(transactions),
                        new JobScheduler(
                                new JooqJobQueue(transactions, clock, JooqJobQueue.channelFor("daap")),
                                JobSettings.DEFAULTS,
                                ids,
                                clock),
                        audit,
                        new DatabaseEvents(events, clock),
                        clock,
                        // A change of purpose reads no plan, admits nothing and crosses no storage limit.
                        null,
                        null,
                        null)
                .execute(
                        member,
                        new UpdateDatabaseCommand(
                                stored.id(),
                                Optional.of(new Purpose("Books and ledgers")),
                                Optional.empty(),
                                Optional.empty(),
                                VersionPrecondition.ANY));
    }
}
