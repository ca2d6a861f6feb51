package dev.daap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The compiled production classes of every module (bootstrap sees them all), imported once for the architecture
 * tests, and what keeps a rule from checking nothing. ArchUnit's failOnEmptyShould (kept on for every rule here)
 * fails a rule whose classes under test are none; but a package or class a rule names on its other side, or as an
 * exception, could still be renamed away and leave the rule passing forever. So every name a rule uses goes through
 * {@link #existing} first (classes are named by class literal where they are visible, which the compiler checks).
 */
final class ProductionClasses {
    private static JavaClasses classes;

    private ProductionClasses() {}

    static synchronized JavaClasses get() {
        if (classes == null) {
            // test-support (dev.daap.testing) arrives as a jar, which DO_NOT_INCLUDE_TESTS cannot tell from production.
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.daap")
                    .that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.daap.testing..")));
        }
        return classes;
    }

    static void check(ArchRule rule) {
        rule.allowEmptyShould(false).check(get());
    }

    /**
     * The package patterns, once each is shown to exist: one of ours must hold imported classes; a library's (or
     * the JDK's) must be used by one of them, or a rule that keeps it in bounds guards nothing.
     */
    static String[] existing(String... packages) {
        for (String pattern : packages) {
            if (pattern.startsWith("dev.daap")) {
                assertThat(get().that(JavaClass.Predicates.resideInAPackage(pattern)))
                        .as("classes in %s, a package an architecture rule names", pattern)
                        .isNotEmpty();
            } else {
                PackageMatcher matcher = PackageMatcher.of(pattern);
                assertThat(get().stream()
                                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                                .anyMatch(dependency -> matcher.matches(
                                        dependency.getTargetClass().getPackageName())))
                        .as("a dependency on %s, a package an architecture rule names", pattern)
                        .isTrue();
            }
        }
        return packages;
    }

    /** The name of a class that a rule must name as text (it is not visible here), once it is shown to exist. */
    static String existingClass(String name) {
        assertThat(get().contain(name))
                .as("class %s, which an architecture rule names", name)
                .isTrue();
        return name;
    }
}
