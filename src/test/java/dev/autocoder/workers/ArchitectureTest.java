package dev.autocoder.workers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
