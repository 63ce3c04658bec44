package dev.autocoder.workers;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure docs/architecture.md describes ("Packages and their direction"): no package cycles and
 * the layer direction, checked on the main classes.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.autocoder.workers";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package is a slice of its own (a sub-package too): no two may depend on each other, however indirectly. */
    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** The root package is the application: it wires every feature, and no feature knows it. */
    @Test
    void noFeatureDependsOnTheApplication() {
        noClasses().that().resideInAPackage(ROOT + ".(*)..")
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(MAIN);
    }

    /** Settings are the bottom layer: they name no feature. */
    @Test
    void settingsDependOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage(features("config"))
                .check(MAIN);
    }

    /** The row contract (a row, its findings, metrics, severities) sits on settings and the repository only. */
    @Test
    void theRowContractDependsOnSettingsAndTheRepositoryOnly() {
        noClasses().that().resideInAPackage(ROOT + ".row..")
                .should().dependOnClassesThat().resideInAnyPackage(features("row", "config", "repository"))
                .check(MAIN);
    }

    /** The repository (target, snapshots, scopes) reads settings only. */
    @Test
    void theRepositoryDependsOnSettingsOnly() {
        noClasses().that().resideInAPackage(ROOT + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(features("repository", "config"))
                .check(MAIN);
    }

    /** The store keeps rows; it knows neither the workers that write them nor the consumers that read them. */
    @Test
    void theDatasetStoreKnowsNoWorkerAndNoConsumer() {
        noClasses().that().resideInAPackage(ROOT + ".dataset..")
                .should().dependOnClassesThat().resideInAnyPackage(features("dataset", "config", "row", "repository"))
                .check(MAIN);
    }

    /** Perspectives and the worker engine never reach up to the Hub, the dashboard or the meters. */
    @Test
    void workersAndPerspectivesDoNotDependOnTheirConsumers() {
        noClasses().that().resideInAnyPackage(ROOT + ".worker..", ROOT + ".analysis..", ROOT + ".testplan..",
                        ROOT + ".implementation..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".dashboard..", ROOT + ".metrics..",
                        ROOT + ".hub.spaces..")
                .check(MAIN);
    }

    /** The dashboard is a top layer: nothing but the application uses it. */
    @Test
    void nothingDependsOnTheDashboard() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".dashboard..", ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".dashboard..")
                .check(MAIN);
    }

    /** The meters read the latest results through their own interface, not the dashboard. */
    @Test
    void metricsDoNotDependOnTheDashboard() {
        noClasses().that().resideInAPackage(ROOT + ".metrics..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".dashboard..")
                .check(MAIN);
    }

    /**
     * Package-private by default: a public top-level type is used from another package (main or test code), or is
     * loaded by name (a file under src/main/resources names it: the auto-configuration, spring.factories, a PMD
     * ruleset, which PMD reads to build our rules through their public constructors). A type with public constants (a
     * primitive or String) is left alone: javac copies such a constant into its readers, so the class files do not
     * show them.
     */
    @Test
    void publicTypesAreUsedOutsideTheirPackage() throws IOException {
        JavaClasses mainAndTests = new ClassFileImporter().importPackages(ROOT);
        String namedInResources = resourcesText();
        ArchCondition<JavaClass> usedOutsideItsPackage = new ArchCondition<>("be used outside its package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
                boolean constants = type.getFields().stream().anyMatch(f -> f.getModifiers().containsAll(
                        Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                        && (f.getRawType().isPrimitive() || f.getRawType().isEquivalentTo(String.class)));
                if (!used && !constants && !namedInResources.contains(type.getName())) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public but only its own package uses it: make it package-private"));
                }
            }
        };
        classes().that().arePublic().and().areTopLevelClasses().and(DescribedPredicate.describe("main classes",
                        (JavaClass c) -> MAIN.contain(c.getName())))
                .should(usedOutsideItsPackage)
                .check(mainAndTests);
    }

    private static String resourcesText() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1)).append('\n');
            }
            return text.toString();
        }
    }

    /** Every feature package except the allowed ones, as package patterns: what a layer must not use. */
    private static String[] features(String... allowed) {
        return MAIN.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct()
                .filter(f -> !java.util.List.of(allowed).contains(f))
                .map(f -> ROOT + "." + f + "..")
                .toArray(String[]::new);
    }
}
