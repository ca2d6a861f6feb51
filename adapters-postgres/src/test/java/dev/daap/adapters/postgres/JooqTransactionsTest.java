package dev.daap.adapters.postgres;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.Database;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unit of work commits or rolls back everything a use case did, on a database of its own. */
class JooqTransactionsTest {
    private static final TeamSlug TEAM = new TeamSlug("transactions");
    private static DSLContext dsl;

    @BeforeAll
    static void migrate() {
        TestPostgres postgres = TestPostgres.shared();
        var dataSource = postgres.dataSource(postgres.createDatabase("transactions"));
        new dev.daap.migrations.Migrator(dataSource, MigratedDatabase.SCHEMA).up();
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        MigratedDatabase.teamsExist(dsl, TEAM);
    }

    @Test
    void commitsWhenTheWorkSucceeds() {
        var transactions = new JooqTransactions(dsl);
        var databases = new JooqDatabases(transactions);
        Database database = aDatabase().ownedBy(TEAM).build();

        transactions.inTransaction(() -> {
            databases.add(database);
            return null;
        });

        assertThat(databases.find(database.id())).contains(database);
    }

    @Test
    void rollsBackEverythingWhenTheWorkFails() {
        var transactions = new JooqTransactions(dsl);
        var databases = new JooqDatabases(transactions);
        Database first = aDatabase().ownedBy(TEAM).build();
        Database second = aDatabase().ownedBy(TEAM).build();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    databases.add(first);
                    transactions.inTransaction(
                            () -> { // a nested call joins the outer transaction
                                databases.add(second);
                                return null;
                            });
                    throw new IllegalStateException("business rule broken after the writes");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(databases.find(first.id())).isEmpty();
        assertThat(databases.find(second.id())).isEmpty();
    }
}
