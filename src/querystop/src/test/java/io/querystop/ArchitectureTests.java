package io.querystop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The library's package structure, checked on its compiled classes (the library artifact's own, not its tests, the
 * emulator's or the CLI's):
 * <ol>
 *   <li>no cycles between packages, each package (the root {@code io.querystop} included) a slice of its own;</li>
 *   <li>dependencies run one way: the services use {@code bulk}, {@code internal} and the root; {@code bulk} uses only
 *       the root; {@code internal} uses only the root (no service package, {@code .errors} included, and not
 *       {@code bulk}); the root uses no other package of the library but {@code observation}, which uses none;</li>
 *   <li>no {@code io.querystop.internal} type in a public or protected signature of a public type of an API
 *       package;</li>
 *   <li>no Jackson type there either (documents are plain Java values; issue #13).</li>
 * </ol>
 * The signature rule is itself tested on fixtures below, so it is known to catch every kind of leak.
 */
public class ArchitectureTests {

    /** What applications use; {@code io.querystop.internal..} is everything else. */
    private static final String[] API_PACKAGES = {"io.querystop", "io.querystop.neptunedata",
        "io.querystop.neptunedata.errors", "io.querystop.cloudtrail", "io.querystop.cloudtrail.errors",
        "io.querystop.bulk", "io.querystop.observation", "io.querystop.sweep"};

    private static final JavaClasses LIBRARY = importLibrary();

    private static final DescribedPredicate<JavaClass> INTERNAL = DescribedPredicate.describe(
        "a type of io.querystop.internal..", type -> type.getPackageName().startsWith("io.querystop.internal"));

    private static final DescribedPredicate<JavaClass> JACKSON = DescribedPredicate.describe(
        "a Jackson type (2 or 3)", type -> type.getPackageName().startsWith("com.fasterxml.jackson")
            || type.getPackageName().startsWith("tools.jackson"));

    /** The classes of the directory or jar that holds the library's main classes, and nothing else. */
    private static JavaClasses importLibrary() {
        try {
            Path location = Path.of(QuerystopException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return new ClassFileImporter().importPath(location);
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return new ClassFileImporter().importJar(jar);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot find the library's classes", e);
        }
    }

    @Test
    void theImportHoldsTheLibraryAndNothingElse() {
        assertThat(LIBRARY.containPackage("io.querystop.internal.http")).isTrue();
        assertThat(LIBRARY.containPackage("io.querystop.bulk")).isTrue();
        assertThat(LIBRARY.stream().map(JavaClass::getPackageName))
            .allMatch(name -> name.equals("io.querystop") || name.startsWith("io.querystop."))
            .noneMatch(name -> name.startsWith("io.querystop.emulator") || name.startsWith("io.querystop.cli")
                || name.startsWith("io.querystop.testing"));
    }

    // ---- 1. cycles ---------------------------------------------------------------------------------------------

    @Test
    void noCyclesBetweenPackages() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(LIBRARY);
    }

    /** Every package of the library its own slice: {@code ..(*)..} patterns would leave out the root package. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("io.querystop") || name.startsWith("io.querystop.")
                ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of io.querystop";
        }
    };

    // ---- 2. direction ------------------------------------------------------------------------------------------

    @Test
    void bulkUsesNoServiceAndNothingInternal() {
        noClasses().that().resideInAPackage("io.querystop.bulk..")
            .should().dependOnClassesThat().resideInAnyPackage("io.querystop.neptunedata..",
                "io.querystop.cloudtrail..", "io.querystop.internal..")
            .check(LIBRARY);
    }

    @Test
    void internalUsesNoServiceAndNotBulk() {
        noClasses().that().resideInAPackage("io.querystop.internal..")
            .should().dependOnClassesThat().resideInAnyPackage("io.querystop.neptunedata..",
                "io.querystop.cloudtrail..", "io.querystop.bulk..")
            .check(LIBRARY);
    }

    @Test
    void theRootPackageUsesNoOtherPackageOfTheLibraryButObservation() {
        noClasses().that().resideInAPackage("io.querystop")
            .should().dependOnClassesThat().resideInAnyPackage("io.querystop.neptunedata..",
                "io.querystop.cloudtrail..", "io.querystop.bulk..", "io.querystop.internal..")
            .check(LIBRARY);
    }

    /** The observation vocabulary (context, convention, outcome) is a leaf: the builders and the internals use it. */
    @Test
    void theObservationPackageUsesNoOtherPackageOfTheLibrary() {
        noClasses().that().resideInAPackage("io.querystop.observation")
            .should().dependOnClassesThat().resideInAnyPackage("io.querystop", "io.querystop.neptunedata..",
                "io.querystop.cloudtrail..", "io.querystop.bulk..", "io.querystop.internal..")
            .check(LIBRARY);
    }

    // ---- 3. and 4. public signatures ---------------------------------------------------------------------------

    @Test
    void noInternalTypeInAPublicSignature() {
        exposeNo(INTERNAL, API_PACKAGES).check(LIBRARY);
    }

    @Test
    void noJacksonTypeInAPublicSignature() {
        exposeNo(JACKSON, API_PACKAGES).check(LIBRARY);
    }

    @Test
    void theSignatureRuleCatchesEveryKindOfLeak() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(Leaks.class, LeakySupertype.class,
            LeakyInterface.class, LeakyTypeParameter.class, Clean.class, NotExported.class, Hidden.class,
            HiddenException.class);
        DescribedPredicate<JavaClass> hidden = DescribedPredicate.describe("a hidden fixture type",
            type -> type.getSimpleName().startsWith("Hidden"));

        EvaluationResult result = exposeNo(hidden, "io.querystop").evaluate(fixtures);

        List<String> details = result.getFailureReport().getDetails();
        assertThat(details).hasSize(10);
        assertThat(String.join("\n", details))
            .contains("Leaks.field ", "Leaks.returned() ", "Leaks.parameter(", "Leaks.genericArgument() ",
                "Leaks.bound(", "Leaks.thrown() ", "Leaks.<init>(", "LeakySupertype ", "LeakyInterface ",
                "LeakyTypeParameter ")
            .doesNotContain("Clean", "NotExported");
    }

    /** Public types of the given packages show no type that {@code forbidden} accepts in a public signature. */
    static ArchRule exposeNo(DescribedPredicate<JavaClass> forbidden, String... packages) {
        return classes().that().resideInAnyPackage(packages).and(EXPORTED)
            .should(new ArchCondition<>("not show " + forbidden.getDescription() + " in a public or protected signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    List<JavaType> declaration = new ArrayList<>();
                    type.getSuperclass().ifPresent(declaration::add);
                    declaration.addAll(type.getInterfaces());
                    declaration.addAll(type.getTypeParameters());
                    report(type, type.getName(), type.getSourceCodeLocation(), declaration, forbidden, events);
                    for (JavaField field : type.getFields()) {
                        if (visible(field)) {
                            report(type, field.getFullName(), field.getSourceCodeLocation(), List.of(field.getType()), forbidden,
                                events);
                        }
                    }
                    for (JavaCodeUnit code : type.getCodeUnits()) {
                        if (visible(code)) {
                            List<JavaType> signature = new ArrayList<>(code.getParameterTypes());
                            signature.add(code.getReturnType());
                            signature.addAll(code.getTypeParameters());
                            signature.addAll(code.getThrowsClause().getTypes());
                            report(type, code.getFullName(), code.getSourceCodeLocation(), signature, forbidden, events);
                        }
                    }
                }
            });
    }

    /** One violation per member, naming every forbidden type its signature involves. */
    private static void report(JavaClass owner, String where, SourceCodeLocation location,
                               Collection<? extends JavaType> types, DescribedPredicate<JavaClass> forbidden,
                               ConditionEvents events) {
        Set<String> found = new TreeSet<>();
        for (JavaType type : types) {
            for (JavaClass raw : involved(type)) {
                if (forbidden.test(raw)) {
                    found.add(raw.getName());
                }
            }
        }
        if (!found.isEmpty()) {
            events.add(SimpleConditionEvent.violated(owner, where + " exposes " + String.join(", ", found)
                + " in " + location));
        }
    }

    /** The raw types of a signature part, type-variable bounds included. */
    private static Set<JavaClass> involved(JavaType type) {
        Set<JavaClass> all = new HashSet<>(type.getAllInvolvedRawTypes());
        if (type instanceof JavaTypeVariable<?> variable) {
            variable.getUpperBounds().forEach(bound -> all.addAll(bound.getAllInvolvedRawTypes()));
        }
        return all;
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
            && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    /** A type outside code can name: public, and nested only in public types. */
    private static final DescribedPredicate<JavaClass> EXPORTED = DescribedPredicate.describe("are public",
        ArchitectureTests::exported);

    private static boolean exported(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC) && !type.isAnonymousClass() && !type.isLocalClass()
            && type.getEnclosingClass().map(ArchitectureTests::exported).orElse(true);
    }

    // ---- fixtures of the signature rule: each Leaky* member shows Hidden once; Clean and NotExported are fine ----

    static final class Hidden {
    }

    static final class HiddenException extends Exception {
    }

    interface Marker<T> {
    }

    public static class Leaks {
        public Hidden field;

        public Leaks(Hidden constructorParameter) {
        }

        public Hidden returned() {
            return null;
        }

        public void parameter(String first, Hidden second) {
        }

        protected List<Map<String, Hidden>> genericArgument() {
            return null;
        }

        public <T extends Marker<Hidden>> void bound(T value) {
        }

        public void thrown() throws HiddenException {
        }
    }

    public static class LeakySupertype extends ArrayList<Hidden> {
    }

    public static class LeakyInterface implements Marker<Hidden> {
    }

    public static class LeakyTypeParameter<T extends Marker<Hidden>> {
    }

    public static class Clean {
        private Hidden field;

        Clean(Hidden packagePrivate) {
        }

        private Hidden returned() {
            return field;
        }

        Hidden packagePrivate(Hidden hidden) {
            return hidden;
        }

        public String fine(List<String> values) {
            return returned() == null ? values.toString() : "";
        }
    }

    static class NotExported {
        public Hidden returned() {
            return null;
        }
    }
}
