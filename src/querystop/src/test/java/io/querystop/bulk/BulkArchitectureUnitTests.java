package io.querystop.bulk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bulk package knows no service and nothing internal: the root package, Reactor and the JDK only, and Micrometer
 * for {@code BulkMeters} (optional: loaded only when meters are asked for).
 */
class BulkArchitectureUnitTests {

    @Test
    void theBulkPackageDependsOnlyOnTheRootPackageReactorAndTheJdk() {
        JavaClasses bulk = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.querystop.bulk");

        classes().that().resideInAPackage("io.querystop.bulk")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.querystop.bulk", "io.querystop", "java..", "reactor.core..", "reactor.util..",
                "org.reactivestreams..", "io.micrometer.core.instrument..")
            .check(bulk);
    }
}
