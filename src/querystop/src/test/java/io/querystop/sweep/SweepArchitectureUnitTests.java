package io.querystop.sweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies run one way: sweep uses the services, bulk and the root, never internal; nothing uses sweep. */
class SweepArchitectureUnitTests {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.querystop");

    @Test
    void theSweepPackageUsesTheServicesBulkAndTheRootOnly() {
        classes().that().resideInAPackage("io.querystop.sweep")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.querystop.sweep", "io.querystop", "io.querystop.bulk", "io.querystop.neptunedata..",
                "io.querystop.cloudtrail..", "java..", "reactor.core..", "reactor.util..", "org.reactivestreams..")
            .check(LIBRARY);
    }

    @Test
    void noOtherPackageOfTheLibraryUsesTheSweepPackage() {
        noClasses().that().resideOutsideOfPackage("io.querystop.sweep")
            .should().dependOnClassesThat().resideInAPackage("io.querystop.sweep")
            .check(LIBRARY);
    }
}
