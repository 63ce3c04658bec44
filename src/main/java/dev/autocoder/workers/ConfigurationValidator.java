package dev.autocoder.workers;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.config.DurationSetting;
import dev.autocoder.workers.config.WorkerSelectionNames;
import dev.autocoder.workers.dataset.StoreLock;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.repository.TargetUnavailableException;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the settings that typed binding cannot: known worker and perspective ids, durations Camel's timer
 * reads the same way, files that must exist, a store folder that can be written. A problem stops start-up with
 * one message naming the key. The checks that need no perspective come first, and the perspective catalog (which
 * builds every perspective, PMD's rulesets included) is asked for only after them: a mistyped path or period is
 * refused before the heavy beans are made.
 */
@Component
class ConfigurationValidator {

    private static final String STORE_PATH = "autocoder.store.path";

    private final AutocoderProperties properties;
    private final ObjectProvider<PerspectiveCatalog> catalog;
    private final TargetRepository target;
    private final ObjectProvider<StoreLock> storeLock;

    public ConfigurationValidator(AutocoderProperties properties, ObjectProvider<PerspectiveCatalog> catalog,
                                  TargetRepository target, ObjectProvider<StoreLock> storeLock) {
        this.properties = properties;
        this.storeLock = storeLock;
        this.catalog = catalog;
        this.target = target;
    }

    @PostConstruct
    public void validate() {
        try {
            target.validateAtStartup();
        } catch (TargetUnavailableException e) {
            // its message is "<key>: <problem>"; report it like every other bad setting
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw colon > 0 ? new InvalidConfigurationException(message.substring(0, colon), message.substring(colon + 2)) : e;
        }
        validateStore();
        // the folder is this application's before anything there is read or cleaned (caches delete stray files)
        storeLock.getObject();
        validateAnalysis();
        AutocoderProperties.Workers workers = properties.getWorkers();
        validateTimes("analysis", workers.getAnalysis());
        validateTimes("test-planning", workers.getTestPlanning());
        validateTimes("implementation", workers.getImplementation());
        validateWorkers(catalog.getObject());
    }

    /** The store must be a folder this process can create files in: every row is appended there. */
    private void validateStore() {
        Path store = properties.getStore().getPath().toAbsolutePath().normalize();
        if (Files.exists(store) && !Files.isDirectory(store)) {
            throw new InvalidConfigurationException(STORE_PATH, store + " is a file, not a folder");
        }
        try {
            Files.createDirectories(store);
            // a probe file, not Files.isWritable: a read-only mount or a full quota only shows when writing
            Files.delete(Files.createTempFile(store, ".write-check-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new InvalidConfigurationException(STORE_PATH, store + " is not a writable folder: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void validateWorkers(PerspectiveCatalog catalog) {
        AutocoderProperties.Workers workers = properties.getWorkers();
        if (workers.getEnabled().contains(WorkerSelectionNames.NONE) && workers.getEnabled().size() > 1) {
            throw new InvalidConfigurationException("autocoder.workers.enabled", "'none' cannot be combined with worker ids");
        }
        for (String id : workers.getEnabled()) {
            if (!id.isBlank() && !id.strip().equals(WorkerSelectionNames.NONE) && !catalog.workers().contains(id.strip())) {
                throw new InvalidConfigurationException("autocoder.workers.enabled",
                        "unknown worker '" + id.strip() + "'; known workers: " + String.join(", ", catalog.workers()));
            }
        }
        validatePerspectives(catalog, "analysis", workers.getAnalysis());
        validatePerspectives(catalog, "test-planning", workers.getTestPlanning());
        validatePerspectives(catalog, "implementation", workers.getImplementation());
    }

    private void validateTimes(String worker, AutocoderProperties.WorkerSettings settings) {
        String prefix = "autocoder.workers." + worker + ".";
        if (settings.getPeriod() != null && DurationSetting.toMillis(prefix + "period", settings.getPeriod()) <= 0) {
            throw new InvalidConfigurationException(prefix + "period", "must be longer than 0");
        }
        if (settings.getDelay() != null) {
            DurationSetting.toMillis(prefix + "delay", settings.getDelay());
        }
        if (settings.getAnalysisWait() != null) {
            DurationSetting.toMillis(prefix + "analysis-wait", settings.getAnalysisWait());
        }
    }

    private void validatePerspectives(PerspectiveCatalog catalog, String worker, AutocoderProperties.WorkerSettings settings) {
        String prefix = "autocoder.workers." + worker + ".";
        List<String> ids = settings.getPerspectives();
        if (ids != null) {
            Set<String> known = catalog.forWorker(worker).stream().map(Perspective::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            if (ids.stream().allMatch(String::isBlank)) {
                throw new InvalidConfigurationException(prefix + "perspectives", "must name at least one perspective: " + String.join(", ", known));
            }
            for (String id : ids) {
                if (!id.isBlank() && !known.contains(id.strip())) {
                    throw new InvalidConfigurationException(prefix + "perspectives",
                            "unknown perspective '" + id.strip() + "'; known: " + String.join(", ", known));
                }
            }
        }
    }

    private void validateAnalysis() {
        AutocoderProperties.Analysis analysis = properties.getAnalysis();
        Path ruleset = analysis.getPmdRuleset();
        if (ruleset != null && !Files.isReadable(ruleset)) {
            throw new InvalidConfigurationException("autocoder.analysis.pmd-ruleset", ruleset + " does not exist or is not readable");
        }
        if (analysis.getMaxFindingsPerRow() < 1) {
            throw new InvalidConfigurationException("autocoder.analysis.max-findings-per-row", "must be at least 1");
        }
        if (analysis.getInventoryTimeout() == null || analysis.getInventoryTimeout().isNegative()
                || analysis.getInventoryTimeout().isZero()) {
            throw new InvalidConfigurationException("autocoder.analysis.inventory-timeout", "must be longer than 0");
        }
        if (analysis.getFileTimeBudget() == null || analysis.getFileTimeBudget().toMillis() <= 0) {
            throw new InvalidConfigurationException("autocoder.analysis.file-time-budget", "must be a positive duration");
        }
        if (analysis.getPmdThreads() < 1) {
            throw new InvalidConfigurationException("autocoder.analysis.pmd-threads", "must be at least 1");
        }
        if (properties.getTestplan().getMaxItemsPerRow() < 1) {
            throw new InvalidConfigurationException("autocoder.testplan.max-items-per-row", "must be at least 1");
        }
    }
}
