package dev.autocoder.workers.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped table {@code python/ruff-fixes.tsv}: which ruff rules get a mechanical patch from ruff's own fix
 * (only those whose fix ruff's documentation marks safe), and for the others the concrete edit a person makes.
 * bin/ruff-wasm reads the same file for {@code --fix}.
 */
public final class RuffFixTable {

    static final String RESOURCE = "python/ruff-fixes.tsv";

    /** What ruff offers for a rule's findings. */
    public enum Fix {
        /** ruff's fix is safe: applied as a mechanical patch */
        SAFE,
        /** ruff has a fix that may change behaviour: never applied */
        UNSAFE,
        /** ruff has no fix */
        NONE
    }

    /**
     * One rule's line of the table: the fix kind, the file names where even a safe fix is not applied, and the edit
     * for a person.
     */
    record RuleFix(Fix fix, List<String> unless, String edit) {
    }

    private final Map<String, RuleFix> byRule;

    RuffFixTable(Map<String, RuleFix> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    public static RuffFixTable shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final RuffFixTable TABLE = parse(resource());
    }

    private static String resource() {
        try (InputStream in = RuffFixTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuffFixTable parse(String text) {
        Map<String, RuleFix> byRule = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] cells = line.split("\t");
            if (line.startsWith("#") || line.isBlank() || cells[0].equals("rule")) {
                continue;
            }
            if (cells.length != 4) {
                throw new IllegalStateException(RESOURCE + ": expected 4 tab-separated cells in: " + line);
            }
            String unless = cells[2].strip();
            byRule.put(cells[0].strip(), new RuleFix(Fix.valueOf(cells[1].strip().toUpperCase(Locale.ROOT)),
                    unless.equals("-") ? List.of() : Arrays.stream(unless.split(",")).map(String::strip).toList(),
                    cells[3].strip()));
        }
        return new RuffFixTable(byRule);
    }

    /** Whether ruff's fix for the rule is safe (on some files at least). */
    public boolean hasSafeFix(String rule) {
        RuleFix ruleFix = byRule.get(rule);
        return ruleFix != null && ruleFix.fix() == Fix.SAFE;
    }

    /** Whether ruff's safe fix for the rule is applied on the repository-relative path. */
    public boolean safeOn(String rule, String path) {
        if (!hasSafeFix(rule) || path == null || !path.endsWith(".py")) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return !byRule.get(rule).unless().contains(name);
    }

    /** What ruff offers for the rule; NONE for a rule the table does not list. */
    public Fix fix(String rule) {
        RuleFix ruleFix = byRule.get(rule);
        return ruleFix == null ? Fix.NONE : ruleFix.fix();
    }

    /** The concrete edit a person makes for a finding of the rule, when the table names one. */
    public Optional<String> edit(String rule) {
        return Optional.ofNullable(byRule.get(rule)).map(RuleFix::edit);
    }

    /** The rules whose fix is safe. */
    public List<String> safeRules() {
        return byRule.entrySet().stream().filter(e -> e.getValue().fix() == Fix.SAFE).map(Map.Entry::getKey).toList();
    }
}
