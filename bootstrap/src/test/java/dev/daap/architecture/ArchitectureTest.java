package dev.daap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's rules, checked on the compiled production classes of every module (bootstrap sees them all).
 * ArchUnit's failOnEmptyShould stays on (its default): a rule whose packages match nothing fails instead of
 * passing silently, so renaming a package cannot switch a rule off.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // test-support (dev.daap.testing) arrives as a jar, which DO_NOT_INCLUDE_TESTS cannot tell from production.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.daap")
                .that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.daap.testing..")));
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        check(classes()
                .that()
                .resideInAPackage("dev.daap.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.daap.domain..", "java.."));
    }

    @Test
    void useCasesDependOnTheDomainOnly() {
        check(classes()
                .that()
                .resideInAPackage("dev.daap.application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.daap.application..", "dev.daap.domain..", "java.."));
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.daap.adapters.http..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.daap.adapters.postgres.."));
        check(noClasses()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.daap.adapters.http.."));
    }

    @Test
    void adaptersDoNotReachIntoUseCasesFromTheStore() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.daap.application.."));
    }

    @Test
    void jooqAndHikariLiveInThePostgresAdapterAndBootstrapOnly() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages("dev.daap.adapters.postgres..", "dev.daap.bootstrap..", "dev.daap.codegen..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "com.zaxxer.hikari.."));
    }

    @Test
    void jdbcLivesInThePostgresAdapterBootstrapAndMigrationsOnly() {
        // The migrator hands Liquibase a JDBC connection; nothing else outside the adapter speaks JDBC.
        check(noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.daap.adapters.postgres..",
                        "dev.daap.bootstrap..",
                        "dev.daap.migrations..",
                        "dev.daap.codegen..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql.."));
    }

    @Test
    void javalinLivesInTheHttpAdapterAndBootstrapOnly() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages("dev.daap.adapters.http..", "dev.daap.bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty.."));
    }

    @Test
    void jacksonLivesInTheHttpAdapterBootstrapAndTheStoresJsonColumnsOnly() {
        // The store reads its JSONB columns with Jackson too, but through one class: its repositories see maps.
        check(noClasses()
                .that()
                .resideOutsideOfPackages("dev.daap.adapters.http..", "dev.daap.bootstrap..")
                .and()
                .doNotHaveFullyQualifiedName("dev.daap.adapters.postgres.JsonColumns")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.."));
    }

    @Test
    void theDomainDefinesThePortsTheAdaptersImplement() {
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.database")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.database.Databases.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.job")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.job.JobQueue.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.credential")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.credential.CredentialVault.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.team")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.team.Teams.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.access")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.access.ApiKeys.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.audit")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.audit.AuditLog.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.event")
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.event.EventLog.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.provisioning")
                .and()
                .haveSimpleName("PostgresProvisioner")
                .should()
                .implement(dev.daap.domain.provisioning.Provisioner.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.provisioning")
                .and()
                .haveSimpleName("PostgresProvisioners")
                .should()
                .implement(dev.daap.domain.provisioning.Provisioners.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.cluster")
                .and()
                .haveSimpleNameStartingWith("JooqCluster")
                .and()
                .haveSimpleNameNotEndingWith("Secrets")
                .should()
                .implement(dev.daap.domain.cluster.Clusters.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.cluster")
                .and()
                .haveSimpleName("JooqClusterSecrets")
                .should()
                .implement(dev.daap.domain.cluster.ClusterSecrets.class));
    }

    @Test
    void theEventHubAndStreamsDoNoIoOfTheirOwn() {
        // The hub must never wait on a subscriber's client: fan-out is memory only, and the writing to sockets
        // belongs to the HTTP adapter, on each stream's own thread.
        check(noClasses()
                .that()
                .resideInAPackage("dev.daap.application.event")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.net..", "java.nio.."));
    }

    @Test
    void theEventHandlerReachesTheLogOnlyThroughUseCases() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.daap.adapters.http.event")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("EventLog"));
    }

    @Test
    void aUseCaseHasOnePublicEntryPoint() {
        // A second public method is a second use case hiding in the first (as ManageCredentials once was).
        check(classes()
                .that()
                .resideInAPackage("dev.daap.application..")
                .and(DescribedPredicate.describe(
                        "declare a public execute method",
                        type -> publicInstanceMethods(type).contains("execute")))
                .should(new ArchCondition<JavaClass>("have no other public method") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        List<String> methods = publicInstanceMethods(type);
                        if (methods.size() != 1) {
                            events.add(SimpleConditionEvent.violated(
                                    type, type.getName() + " has the public methods " + methods));
                        }
                    }
                }));
    }

    private static List<String> publicInstanceMethods(JavaClass type) {
        return type.getMethods().stream()
                .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC)
                        && !method.getModifiers().contains(JavaModifier.STATIC))
                .map(JavaMethod::getName)
                .sorted()
                .toList();
    }

    @Test
    void packagesHaveNoCycles() {
        // jOOQ's generated classes refer to each other by design (tables, keys, records); ours must not.
        slices().matching("dev.daap.(**)")
                .should()
                .beFreeOfCycles()
                .check(production.that(DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage("dev.daap.adapters.postgres.generated.."))));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
