package dev.autocoder.workers.target;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.config.DurationSetting;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.repository.TargetUnavailableException;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The repositories this process watches when it watches more than one: {@code autocoder.targets[n].*} and the
 * entries of {@code autocoder.targets-file}, in that order. The file is re-read when its size or modification time
 * changes ({@link #reloadIfChanged()}, called on every tick of the fleet route); a file that no longer reads keeps
 * the list as it was, with one warning. At start-up a target that cannot work stops the application with one message
 * naming its key.
 * <p>
 * Without either setting the process runs the single target of {@code autocoder.target.*} the way it always has,
 * and this list is empty ({@link #isFleet()} false).
 */
public class TargetList {

    static final String TARGETS_KEY = "autocoder.targets";
    static final String FILE_KEY = "autocoder.targets-file";
    private static final Logger log = LoggerFactory.getLogger(TargetList.class);

    private final AutocoderProperties properties;
    private final Environment environment;
    private final PerspectiveCatalog catalog;
    private volatile Listed listed;
    private volatile String fileStamp;

    /** The targets as last read and their ids, replaced together when the file is read again. */
    private record Listed(List<ListedTarget> targets, Set<String> ids) {

        static Listed of(List<ListedTarget> targets) {
            return new Listed(targets, targets.stream().map(ListedTarget::id).collect(Collectors.toUnmodifiableSet()));
        }
    }

    public TargetList(AutocoderProperties properties, Environment environment, PerspectiveCatalog catalog) {
        this.properties = properties;
        this.environment = environment;
        this.catalog = catalog;
        this.fileStamp = stamp(properties.getTargetsFile());
        this.listed = Listed.of(isFleet() ? load() : List.of());
    }

    /** True when the process runs a list of targets (the fleet route), false for the single target. */
    public boolean isFleet() {
        return !properties.getTargets().isEmpty() || properties.getTargetsFile() != null;
    }

    /** The targets as last read, in configuration order. */
    public List<ListedTarget> current() {
        return listed.targets();
    }

    /** The ids of the targets as last read. */
    public Set<String> ids() {
        return listed.ids();
    }

    /** Re-reads the targets file when it changed; true when the list is new. */
    public synchronized boolean reloadIfChanged() {
        Path file = properties.getTargetsFile();
        if (file == null) {
            return false;
        }
        String now = stamp(file);
        if (now.equals(fileStamp)) {
            return false;
        }
        fileStamp = now;
        try {
            List<ListedTarget> loaded = load();
            listed = Listed.of(loaded);
            log.info("Targets file {} re-read: {} targets", file, loaded.size());
            return true;
        } catch (RuntimeException e) {
            log.warn("Targets file {} was not taken, the list stays as it was: {}", file, e.getMessage());
            return false;
        }
    }

    private List<ListedTarget> load() {
        List<ListedTarget> loaded = new ArrayList<>();
        List<AutocoderProperties.TargetEntry> listed = properties.getTargets();
        for (int i = 0; i < listed.size(); i++) {
            loaded.add(resolve(TARGETS_KEY + "[" + i + "]", listed.get(i), null));
        }
        Path file = properties.getTargetsFile();
        if (file != null) {
            List<AutocoderProperties.TargetEntry> fromFile = readFile(file);
            for (int i = 0; i < fromFile.size(); i++) {
                loaded.add(resolve(FILE_KEY + " (" + file + ") targets[" + i + "]", fromFile.get(i),
                        file.toAbsolutePath().getParent()));
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (ListedTarget target : loaded) {
            String first = seen.putIfAbsent(target.id(), target.key());
            if (first != null) {
                throw new InvalidConfigurationException(target.key(), "the same repository as " + first + " (" + target.id() + ")");
            }
        }
        return List.copyOf(loaded);
    }

    private static List<AutocoderProperties.TargetEntry> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(FILE_KEY, file.toAbsolutePath() + " is not a file");
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
            List<AutocoderProperties.TargetEntry> entries = new ArrayList<>();
            for (PropertySource<?> source : sources) {
                new Binder(ConfigurationPropertySources.from(source))
                        .bind("targets", Bindable.listOf(AutocoderProperties.TargetEntry.class))
                        .ifBound(entries::addAll);
            }
            return entries;
        } catch (BindException e) {
            throw new InvalidConfigurationException(FILE_KEY + " (" + file + ") " + e.getName(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(FILE_KEY, file + " is not a YAML file with a targets: list: " + e.getMessage());
        }
    }

    /** One entry as a target; relative paths of a targets file resolve against the file's folder. */
    private ListedTarget resolve(String key, AutocoderProperties.TargetEntry entry, Path base) {
        if ((entry.getPath() == null) == (entry.getGitUrl() == null)) {
            throw new InvalidConfigurationException(key + ".path", "give exactly one of path and git-url");
        }
        AutocoderProperties.Target settings = new AutocoderProperties.Target();
        if (entry.getPath() != null) {
            settings.setPath(base == null ? entry.getPath() : base.resolve(entry.getPath()));
        }
        settings.setGitUrl(entry.getGitUrl());
        settings.setBranch(entry.getBranch());
        if (entry.getTokenRef() != null) {
            String token = environment.getProperty(entry.getTokenRef());
            if (token == null || token.isBlank()) {
                throw new InvalidConfigurationException(key + ".token-ref", "names " + entry.getTokenRef()
                        + ", which is not set as an environment variable or property");
            }
            settings.setGitToken(token);
        }
        TargetRepository repository = new TargetRepository(settings);
        String id = repository.targetId();
        Path workDir = entry.getWorkDir() != null ? entry.getWorkDir() : Path.of(".autocoder", "checkouts", id);
        settings.setWorkDir(base == null || entry.getWorkDir() == null ? workDir : base.resolve(workDir));
        try {
            if (entry.getGitUrl() == null) {
                repository.validateAtStartup();
            } else if (Files.exists(settings.getWorkDir()) && !Files.isDirectory(settings.getWorkDir())) {
                throw new InvalidConfigurationException(key + ".work-dir", settings.getWorkDir() + " is not a directory");
            }
            // a remote is not asked at start-up: with many targets that costs a round trip each, and every
            // iteration reaches it anyway (an unreachable one writes an error row and is tried again)
        } catch (TargetUnavailableException e) {
            // its message names the single-target key; say which entry it is instead
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String setting = entry.getGitUrl() != null ? ".git-url" : ".path";
            if (message.startsWith("autocoder.target.work-dir")) {
                setting = ".work-dir";
            }
            throw new InvalidConfigurationException(key + setting, colon > 0 ? message.substring(colon + 2) : message);
        }
        Map<String, List<String>> perspectives = new LinkedHashMap<>();
        entry.getPerspectives().forEach((worker, ids) -> {
            String setting = key + ".perspectives." + worker;
            knownWorker(setting, worker);
            List<String> rotation = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (rotation.isEmpty()) {
                throw new InvalidConfigurationException(setting, "names no perspective");
            }
            for (String perspective : rotation) {
                if (catalog.find(worker, perspective).isEmpty()) {
                    throw new InvalidConfigurationException(setting, "unknown perspective '" + perspective + "' for worker " + worker);
                }
            }
            perspectives.put(worker, rotation);
        });
        Map<String, Long> periods = new LinkedHashMap<>();
        entry.getPeriods().forEach((worker, period) -> {
            String setting = key + ".periods." + worker;
            knownWorker(setting, worker);
            periods.put(worker, DurationSetting.toMillis(setting, period));
        });
        return new ListedTarget(id, repository.displayName(), key, repository, perspectives, periods);
    }

    private void knownWorker(String key, String worker) {
        if (!catalog.workers().contains(worker)) {
            throw new InvalidConfigurationException(key, "unknown worker '" + worker + "'; known workers: "
                    + String.join(", ", catalog.workers()));
        }
    }

    /** Size and modification time: what tells a changed file without reading it. */
    private static String stamp(Path file) {
        if (file == null) {
            return "";
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }
}
