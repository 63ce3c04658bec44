package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What ruff runs with: the curated selection ({@link RuffRules}) plus a repository's own settings, read from the
 * first of {@code .ruff.toml}, {@code ruff.toml} and {@code pyproject.toml [tool.ruff]} at its root (ruff's own
 * order): {@code select}/{@code extend-select} add rules, {@code ignore}/{@code extend-ignore} remove them,
 * {@code per-file-ignores}/{@code extend-per-file-ignores} (added to ours: F401 in {@code __init__.py}, where
 * imports are re-exports) and {@code exclude}/{@code extend-exclude} are applied
 * to the findings and files by us, {@code mccabe.max-complexity}, {@code line-length} and {@code target-version}
 * are passed on (each also under {@code lint.}), and so is {@code typing-modules}, to which the engine adds the
 * project's own modules that hand out typing's names ({@link TypingModules}).
 * <p>
 * Ruff always runs {@code --isolated} with these as command-line options, so the native CLI and bin/ruff-wasm see
 * the same settings, and C901 runs with max-complexity 0 so every function's complexity is known; only functions
 * above {@link #maxComplexity()} become findings.
 *
 * @param typingModules modules whose names ruff reads as the typing module's ({@code lint.typing-modules})
 * @param source     the file the repository's settings came from; null when none
 * @param problem    why that file could not be used (it then adds nothing); null when fine
 */
public record RuffSettings(List<String> select, List<String> ignore, int maxComplexity, Integer lineLength,
                           String targetVersion, Map<String, List<String>> perFileIgnores, List<String> exclude,
                           List<String> typingModules, String source, String problem) {

    /** Ruff's and our default threshold for a C901 finding. */
    static final int DEFAULT_MAX_COMPLEXITY = 10;
    private static final Pattern SELECTOR = Pattern.compile("[A-Z]+[0-9]*|ALL");
    private static final Pattern TARGET = Pattern.compile("py3[0-9]{1,2}");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final TomlMapper TOML = new TomlMapper();

    /** The curated selection alone. */
    public static RuffSettings curated() {
        RuffRules rules = RuffRules.shipped();
        // an __init__.py's imports are the package's API (re-exports), not unused code
        return new RuffSettings(rules.selected(), rules.ignored(), DEFAULT_MAX_COMPLEXITY, null, null,
                Map.of("__init__.py", List.of("F401")), List.of(), List.of(), null, null);
    }

    /** The curated selection plus the settings of the repository at {@code root}. */
    public static RuffSettings of(Path root) {
        for (String name : List.of(".ruff.toml", "ruff.toml", "pyproject.toml")) {
            Path file = root.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode config;
            try {
                JsonNode document = TOML.readTree(Files.readString(file));
                config = name.equals("pyproject.toml") ? document.path("tool").path("ruff") : document;
            } catch (IOException | RuntimeException e) {
                return curated().from(name, "not readable as TOML (" + e.getClass().getSimpleName() + "); the curated "
                        + "rule selection alone applies");
            }
            if (config.isMissingNode()) {
                continue;
            }
            return curated().with(name, config);
        }
        return curated();
    }

    private RuffSettings from(String file, String why) {
        return new RuffSettings(select, ignore, maxComplexity, lineLength, targetVersion, perFileIgnores, exclude,
                typingModules, file, why);
    }

    /** These settings with the modules added to {@code typing-modules} (the repository's own come first). */
    RuffSettings withTypingModules(List<String> modules) {
        Set<String> all = new LinkedHashSet<>(typingModules);
        all.addAll(modules);
        return new RuffSettings(select, ignore, maxComplexity, lineLength, targetVersion, perFileIgnores, exclude,
                List.copyOf(all), source, problem);
    }

    private RuffSettings with(String file, JsonNode config) {
        JsonNode lint = config.path("lint");
        Set<String> selected = new LinkedHashSet<>(select);
        Set<String> ignored = new LinkedHashSet<>(ignore);
        List<String> rejected = new ArrayList<>();
        for (String key : List.of("select", "extend-select")) {
            selectors(config.path(key), rejected).forEach(selected::add);
            selectors(lint.path(key), rejected).forEach(selected::add);
        }
        for (String key : List.of("ignore", "extend-ignore")) {
            selectors(config.path(key), rejected).forEach(ignored::add);
            selectors(lint.path(key), rejected).forEach(ignored::add);
        }
        // a selector the repository both selects and ignores stays ignored, as in its own ruff runs
        selected.removeAll(ignored);
        Map<String, List<String>> perFile = new LinkedHashMap<>(perFileIgnores);
        for (String key : List.of("per-file-ignores", "extend-per-file-ignores")) {
            perFileIgnores(config.path(key), perFile, rejected);
            perFileIgnores(lint.path(key), perFile, rejected);
        }
        List<String> excluded = new ArrayList<>();
        for (String key : List.of("exclude", "extend-exclude")) {
            config.path(key).forEach(n -> excluded.add(n.asText()));
        }
        JsonNode complexity = lint.path("mccabe").path("max-complexity");
        if (complexity.isMissingNode()) {
            complexity = config.path("mccabe").path("max-complexity");
        }
        int max = complexity.canConvertToInt() && complexity.asInt() >= 0 ? complexity.asInt() : maxComplexity;
        JsonNode length = config.path("line-length");
        Integer lineLengthSetting = length.canConvertToInt() && length.asInt() > 0 ? length.asInt() : null;
        List<String> typing = new ArrayList<>();
        for (JsonNode list : List.of(config.path("typing-modules"), lint.path("typing-modules"))) {
            list.forEach(n -> {
                if (MODULE.matcher(n.asText()).matches()) {
                    typing.add(n.asText());
                } else {
                    rejected.add("typing-modules " + n.asText());
                }
            });
        }
        String target = config.path("target-version").asText(null);
        if (target != null && !TARGET.matcher(target).matches()) {
            rejected.add("target-version " + target);
            target = null;
        }
        return new RuffSettings(List.copyOf(selected), List.copyOf(ignored), max, lineLengthSetting, target,
                Map.copyOf(perFile), List.copyOf(excluded), List.copyOf(typing), file,
                rejected.isEmpty() ? null : "left out what is not a ruff setting: " + String.join(", ", rejected));
    }

    private static List<String> selectors(JsonNode list, List<String> rejected) {
        List<String> codes = new ArrayList<>();
        list.forEach(n -> {
            String code = n.asText().strip().toUpperCase(Locale.ROOT);
            if (SELECTOR.matcher(code).matches()) {
                codes.add(code);
            } else {
                rejected.add(n.asText());
            }
        });
        return codes;
    }

    private static void perFileIgnores(JsonNode table, Map<String, List<String>> into, List<String> rejected) {
        table.properties().forEach(e -> {
            List<String> codes = new ArrayList<>(into.getOrDefault(e.getKey(), List.of()));
            codes.addAll(selectors(e.getValue(), rejected));
            into.put(e.getKey(), List.copyOf(codes));
        });
    }

    /** The ruff command-line options, after {@code check}. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--output-format=json", "--isolated", "--no-cache", "--exit-zero",
                "--select", String.join(",", select), "--config", "lint.mccabe.max-complexity = 0"));
        if (!ignore.isEmpty()) {
            args.add("--ignore");
            args.add(String.join(",", ignore));
        }
        if (lineLength != null) {
            args.add("--line-length");
            args.add(String.valueOf(lineLength));
        }
        if (targetVersion != null) {
            args.add("--target-version");
            args.add(targetVersion);
        }
        if (!typingModules.isEmpty()) {
            args.add("--config");
            args.add("lint.typing-modules = [" + String.join(", ", typingModules.stream().map(m -> '"' + m + '"').toList())
                    + "]");
        }
        return args;
    }

    /** Whether the repository's per-file-ignores silence the code on the path. */
    public boolean ignoredAt(String path, String code) {
        for (Map.Entry<String, List<String>> entry : perFileIgnores.entrySet()) {
            if (matches(entry.getKey(), path)
                    && entry.getValue().stream().anyMatch(p -> p.equals("ALL") || RuffRules.startsFamily(code, p))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the repository's exclude settings leave the path out. */
    public boolean excluded(String path) {
        return exclude.stream().anyMatch(pattern -> matches(pattern, path)
                || matches(pattern.endsWith("/") ? pattern + "**" : pattern + "/**", path));
    }

    /**
     * Ruff's glob matching, for repository-relative paths: {@code *} and {@code **} cross folders, {@code ?} is
     * one character, a pattern without a folder also matches a file name or a folder on the path.
     */
    static boolean matches(String pattern, String path) {
        String clean = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        Pattern regex = Pattern.compile(globRegex(clean));
        if (regex.matcher(path).matches()) {
            return true;
        }
        if (!clean.contains("/")) {
            for (String segment : path.split("/")) {
                if (regex.matcher(segment).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 1) == '*' && glob.charAt(i + 2) == '/') {
                    regex.append("(?:.*/)?");
                    i += 2;
                } else {
                    regex.append(".*");
                    while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                    }
                }
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** Names what ruff's results depend on, for the cache key. */
    String fingerprint() {
        return String.join(" ", arguments());
    }
}
