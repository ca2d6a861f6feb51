package dev.daap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.daap.architecture.ProductionClasses.check;
import static dev.daap.architecture.ProductionClasses.existingClass;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.migrations.Migrator;
import java.sql.Connection;
import java.util.Set;
import liquibase.Liquibase;
import org.jooq.DSLContext;
import org.jooq.TransactionProvider;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * One transaction per use case: the use case opens it through the {@code Transactions} port, which
 * {@link JooqTransactions} implements, and every repository call joins it. A repository or worker that began,
 * committed or rolled back a transaction of its own would commit half a use case, so no other class does, through
 * jOOQ or JDBC. Three classes run transactions for other reasons, and each is allowed exactly that, by name:
 * <ul>
 *   <li>{@code TargetSession}, on its admin connection to a target cluster (never DAAP's own database), creates a
 *       role and its marker in one transaction;
 *   <li>{@code PostgresTableCensus}, on its admin connection to a database on a target cluster, holds the read-only
 *       snapshot that a backup's counts and {@code pg_dump --snapshot} share;
 *   <li>{@link Migrator} hands its connection to Liquibase, which commits each changeset itself.
 * </ul>
 * SQL text such as {@code "COMMIT"} run through {@code execute} is out of ArchUnit's sight; a review has to catch it.
 */
class TransactionBoundaryTest {
    private static final String TARGET_SESSION = "dev.daap.adapters.postgres.provisioning.TargetSession";
    private static final String TABLE_CENSUS = "dev.daap.adapters.postgres.provisioning.PostgresTableCensus";

    /** Beginning, committing or rolling back through jOOQ: its transaction methods, provider or statements. */
    private static final DescribedPredicate<JavaMethodCall> JOOQ_TRANSACTION_CONTROL = callOf(
                    DSLContext.class,
                    Set.of(
                            "transaction",
                            "transactionResult",
                            "transactionAsync",
                            "transactionResultAsync",
                            "transactionPublisher",
                            "startTransaction",
                            "commit",
                            "rollback",
                            "savepoint",
                            "releaseSavepoint"))
            .or(callOf(TransactionProvider.class, Set.of("begin", "commit", "rollback")))
            .or(callOf(DSL.class, Set.of("startTransaction", "commit", "rollback", "savepoint", "releaseSavepoint")))
            .as("a call of jOOQ's transaction control");
    /** Ending autocommit, committing or rolling back on a JDBC connection. */
    private static final DescribedPredicate<JavaMethodCall> JDBC_TRANSACTION_CONTROL =
            callOf(Connection.class, Set.of("setAutoCommit", "commit", "rollback", "setSavepoint", "releaseSavepoint"));
    /** Applying or rolling back changesets, each in Liquibase's own transaction. */
    private static final DescribedPredicate<JavaMethodCall> LIQUIBASE_RUN =
            callOf(Liquibase.class, Set.of("update", "rollback", "changeLogSync", "dropAll", "markNextChangeSetRan"));

    @Test
    void onlyTheTransactionAdapterOpensTransactions() {
        check(CompositeArchRule.of(noClasses()
                        .that()
                        .doNotBelongToAnyOf(JooqTransactions.class)
                        .should()
                        .callMethodWhere(JOOQ_TRANSACTION_CONTROL))
                .and(noClasses()
                        .that(DescribedPredicate.not(
                                JavaClass.Predicates.belongTo(HasName.Predicates.name(existingClass(TARGET_SESSION))
                                                .or(HasName.Predicates.name(existingClass(TABLE_CENSUS))))
                                        .as("belong to " + TARGET_SESSION + " or " + TABLE_CENSUS)))
                        .should()
                        .callMethodWhere(JDBC_TRANSACTION_CONTROL))
                .and(noClasses()
                        .that()
                        .doNotBelongToAnyOf(Migrator.class)
                        .should()
                        .callMethodWhere(LIQUIBASE_RUN)));
    }

    /** Each exception still makes the calls the rule looks for: else the method names above have gone stale. */
    @Test
    void theAllowedClassesAreFoundMakingTheCallsTheRuleForbidsElsewhere() {
        assertCalls(JooqTransactions.class.getName(), JOOQ_TRANSACTION_CONTROL);
        assertCalls(existingClass(TARGET_SESSION), JDBC_TRANSACTION_CONTROL);
        assertCalls(existingClass(TABLE_CENSUS), JDBC_TRANSACTION_CONTROL);
        assertCalls(Migrator.class.getName(), LIQUIBASE_RUN);
    }

    private static void assertCalls(String className, DescribedPredicate<JavaMethodCall> calls) {
        assertThat(ProductionClasses.get().get(className).getMethodCallsFromSelf().stream()
                        .anyMatch(calls))
                .as("%s makes %s", className, calls.getDescription())
                .isTrue();
    }

    private static DescribedPredicate<JavaMethodCall> callOf(Class<?> owner, Set<String> methods) {
        return DescribedPredicate.describe(
                "a call of " + owner.getSimpleName() + "." + methods,
                call -> methods.contains(call.getName())
                        && call.getTargetOwner().isAssignableTo(owner));
    }
}
