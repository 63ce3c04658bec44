package dev.autocoder.workers.analysis.severity;

import dev.autocoder.workers.row.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Severity and applicability per PMD rule, read from a tab-separated file: the shipped {@value #SHIPPED} for the
 * curated rulesets, optionally overridden and extended by a user's file of the same format
 * ({@code autocoder.analysis.severity-file}). Rules the table does not name keep their PMD priority.
 * <p>
 * Format: lines starting with {@code #} and blank lines are ignored; the first other line is the header
 * {@value #HEADER_TEXT} (tab-separated); every following line names one rule with those columns, the note
 * optional.
 */
public final class SeverityTable {

    /** Classpath resource of the table for the curated rulesets. */
    public static final String SHIPPED = "severity/pmd-java.tsv";
    static final List<String> HEADER = List.of("rule", "severity", "sonar", "applies_to", "note");
    static final String HEADER_TEXT = "rule severity sonar applies_to note";

    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SONAR_KEY = Pattern.compile("[a-z]+:S[0-9]+");
    private static final SeverityTable NONE = new SeverityTable(Map.of());

    private final Map<String, RuleSeverity> rules;

    private SeverityTable(Map<String, RuleSeverity> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** The table of the curated rulesets. */
    public static SeverityTable shipped() {
        return Shipped.TABLE;
    }

    /** Read once, when first asked for. */
    private static final class Shipped {
        static final SeverityTable TABLE = load();
    }

    private static SeverityTable load() {
        try (InputStream in = SeverityTable.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the classpath");
            }
            return parse(SHIPPED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No entries: every rule keeps its PMD priority and applies to all files. */
    public static SeverityTable none() {
        return NONE;
    }

    /**
     * Reads a table file whose rules must all be among {@code knownRules} (the rules of the ruleset in use); any
     * problem throws with the file and line in the message.
     */
    public static SeverityTable read(Path file, Set<String> knownRules) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SeverityFileException(file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return parse(file.toString(), text, knownRules);
    }

    /** Parses a table; {@code source} names it in error messages. */
    public static SeverityTable parse(String source, String text) {
        return parse(source, text, null);
    }

    private static SeverityTable parse(String source, String text, Set<String> knownRules) {
        Map<String, RuleSeverity> rules = new LinkedHashMap<>();
        boolean headerSeen = false;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            List<String> columns = Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
            if (!headerSeen) {
                if (!columns.equals(HEADER) && !columns.equals(HEADER.subList(0, 4))) {
                    throw new SeverityFileException(where + "expected the tab-separated header '" + HEADER_TEXT + "'");
                }
                headerSeen = true;
                continue;
            }
            RuleSeverity entry = entry(where, columns);
            if (knownRules != null && !knownRules.contains(entry.rule())) {
                throw new SeverityFileException(where + "rule " + entry.rule() + " is not in the PMD ruleset in use");
            }
            if (rules.putIfAbsent(entry.rule(), entry) != null) {
                throw new SeverityFileException(where + "rule " + entry.rule() + " is listed twice");
            }
        }
        if (!headerSeen) {
            throw new SeverityFileException(source + ": no header line '" + HEADER_TEXT + "'");
        }
        return new SeverityTable(rules);
    }

    private static RuleSeverity entry(String where, List<String> columns) {
        if (columns.size() < 4 || columns.size() > 5) {
            throw new SeverityFileException(where + "expected 4 or 5 tab-separated columns (" + HEADER_TEXT + "), found "
                    + columns.size());
        }
        String rule = columns.get(0);
        if (!RULE_NAME.matcher(rule).matches()) {
            throw new SeverityFileException(where + "'" + rule + "' is not a rule name");
        }
        Severity severity = Arrays.stream(Severity.values()).filter(s -> s.label().equals(columns.get(1))).findFirst()
                .orElseThrow(() -> new SeverityFileException(where + "unknown severity '" + columns.get(1) + "' (expected "
                        + Arrays.stream(Severity.values()).map(Severity::label).collect(Collectors.joining(", ")) + ")"));
        String sonar = columns.get(2);
        if (!sonar.equals("-") && !SONAR_KEY.matcher(sonar).matches()) {
            throw new SeverityFileException(where + "'" + sonar + "' is not a SonarQube rule key such as java:S1143, nor -");
        }
        AppliesTo appliesTo = AppliesTo.of(columns.get(3)).orElseThrow(() -> new SeverityFileException(where
                + "unknown applies_to '" + columns.get(3) + "' (expected " + Arrays.stream(AppliesTo.values())
                .map(AppliesTo::label).collect(Collectors.joining(", ")) + ")"));
        return new RuleSeverity(rule, severity, sonar.equals("-") ? null : sonar, appliesTo,
                columns.size() == 5 ? columns.get(4) : "");
    }

    /** This table with the other's entries replacing or adding to its own. */
    public SeverityTable overriddenBy(SeverityTable other) {
        Map<String, RuleSeverity> merged = new LinkedHashMap<>(rules);
        merged.putAll(other.rules);
        return new SeverityTable(merged);
    }

    public Optional<RuleSeverity> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    public Set<String> rules() {
        return rules.keySet();
    }

    public Collection<RuleSeverity> entries() {
        return rules.values();
    }
}
