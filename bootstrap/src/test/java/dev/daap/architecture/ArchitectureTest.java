package dev.daap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.daap.architecture.ProductionClasses.check;
import static dev.daap.architecture.ProductionClasses.existing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.domain.event.EventLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's rules, checked on the compiled production classes of every module. Every package and class a rule
 * names must exist (see {@link ProductionClasses}), so renaming one fails here instead of switching a rule off.
 * schema-codegen, a build-time tool that only adapters-postgres's build runs, is not on this class path: no rule
 * names it (two once excepted it, which checked nothing).
 */
class ArchitectureTest {
    @Test
    void theDomainDependsOnTheJdkOnly() {
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.domain.."))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.domain..", "java..")));
    }

    @Test
    void useCasesDependOnTheDomainOnly() {
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.application.."))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.application..", "dev.daap.domain..", "java..")));
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.http.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres..")));
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.adapters.http..")));
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.backup.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.adapters.http..", "dev.daap.adapters.postgres..")));
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.http..", "dev.daap.adapters.postgres.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.adapters.backup..")));
    }

    @Test
    void adaptersDoNotReachIntoUseCasesFromTheStore() {
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres..", "dev.daap.adapters.backup.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("dev.daap.application..")));
    }

    @Test
    void jooqAndHikariLiveInThePostgresAdapterAndBootstrapOnly() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages(existing("dev.daap.adapters.postgres..", "dev.daap.bootstrap.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("org.jooq..", "com.zaxxer.hikari..")));
    }

    @Test
    void jdbcLivesInThePostgresAdapterBootstrapAndMigrationsOnly() {
        // The migrator hands Liquibase a JDBC connection; nothing else outside the adapter speaks JDBC.
        check(noClasses()
                .that()
                .resideOutsideOfPackages(
                        existing("dev.daap.adapters.postgres..", "dev.daap.bootstrap..", "dev.daap.migrations.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("java.sql..", "javax.sql..", "org.postgresql..")));
    }

    @Test
    void javalinLivesInTheHttpAdapterAndBootstrapOnly() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages(existing("dev.daap.adapters.http..", "dev.daap.bootstrap.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("io.javalin..", "org.eclipse.jetty..")));
    }

    @Test
    void metricsAndTracingLiveInTheObservabilityAreasOnly() {
        // Micrometer and OpenTelemetry stay at the edges: the HTTP adapter's observability package (request
        // metrics and spans, the management port) and bootstrap, which makes the registry and the SDK and decorates
        // the ports (the job queue and handlers, the event fan-out) that the use cases see. SQL spans come from a
        // wrapper of the DataSource that bootstrap hands the store, so the store knows nothing of them.
        check(noClasses()
                .that()
                .resideOutsideOfPackages("dev.daap.adapters.http.observability..", "dev.daap.bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..", "io.opentelemetry..", "io.prometheus.."));
        check(noClasses()
                .that()
                .resideInAnyPackage("dev.daap.domain..", "dev.daap.application..", "dev.daap.adapters.postgres..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.daap.adapters.http.observability..", "dev.daap.bootstrap.observability.."));
    }

    @Test
    void jacksonLivesInTheHttpAdapterBootstrapAndTheStoresJsonColumnsOnly() {
        // The store reads its JSONB columns with Jackson too, but through one class: its repositories see maps.
        check(noClasses()
                .that()
                .resideOutsideOfPackages(existing("dev.daap.adapters.http..", "dev.daap.bootstrap.."))
                .and()
                .doNotBelongToAnyOf(JsonColumns.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("com.fasterxml.jackson..")));
    }

    @Test
    void theDomainDefinesThePortsTheAdaptersImplement() {
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.database"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.database.Databases.class)
                .orShould()
                .implement(dev.daap.domain.database.QuotaStates.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.job"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.job.JobQueue.class)
                .orShould()
                .implement(dev.daap.domain.job.PeriodicRuns.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.credential"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.credential.CredentialVault.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.team"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.team.Teams.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.access"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.access.ApiKeys.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.audit"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.audit.AuditLog.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.event"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.event.EventLog.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.provisioning"))
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
                .and()
                .haveSimpleNameNotEndingWith("ProbeStore")
                .should()
                .implement(dev.daap.domain.cluster.Clusters.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.cluster")
                .and()
                .haveSimpleName("JooqClusterProbeStore")
                .should()
                .implement(dev.daap.domain.cluster.ClusterProbeStore.class));
        check(classes()
                .that()
                .resideInAPackage("dev.daap.adapters.postgres.cluster")
                .and()
                .haveSimpleName("JooqClusterSecrets")
                .should()
                .implement(dev.daap.domain.cluster.ClusterSecrets.class));
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.postgres.move"))
                .and()
                .haveSimpleNameStartingWith("Jooq")
                .should()
                .implement(dev.daap.domain.database.Moves.class));
    }

    @Test
    void theEventHubAndStreamsDoNoIoOfTheirOwn() {
        // The hub must never wait on a subscriber's client: fan-out is memory only, and the writing to sockets
        // belongs to the HTTP adapter, on each stream's own thread.
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.application.event"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("java.io..", "java.net..", "java.nio..")));
    }

    @Test
    void theEventHandlerReachesTheLogOnlyThroughUseCases() {
        check(noClasses()
                .that()
                .resideInAnyPackage(existing("dev.daap.adapters.http.event"))
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EventLog.class));
    }

    @Test
    void aUseCaseHasOnePublicEntryPoint() {
        // A second public method is a second use case hiding in the first (as ManageCredentials once was).
        check(classes()
                .that()
                .resideInAnyPackage(existing("dev.daap.application.."))
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
                .allowEmptyShould(false)
                .check(ProductionClasses.get()
                        .that(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                                existing("dev.daap.adapters.postgres.generated..")))));
    }
}
