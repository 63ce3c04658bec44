package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.severity.AppliesTo;
import dev.autocoder.workers.analysis.severity.RuleSeverity;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.row.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The curated ruff rule selection ({@value #SELECTION}) and the severity of its rules ({@value #SEVERITIES}, a
 * {@link SeverityTable} like Java's, whose lines may name a code prefix as the default for the codes it starts).
 */
public final class RuffRules {

    static final String SELECTION = "python/ruff-selection.tsv";
    static final String SEVERITIES = "severity/ruff-python.tsv";
    /** Findings of rules the curated selection does not know (a repository selected them itself). */
    static final String OTHER_CATEGORY = "Ruff";

    /** The analysis perspective that reports a rule's findings. */
    public enum ReportingPerspective { QUALITY, SECURITY, PERFORMANCE }

    /** One selection line. */
    record Selector(boolean select, String code, String category, ReportingPerspective perspective, String note) {
    }

    private final List<Selector> selectors;
    private final SeverityTable severities;

    private RuffRules(List<Selector> selectors, SeverityTable severities) {
        this.selectors = selectors;
        this.severities = severities;
    }

    /** The shipped selection and severities. */
    public static RuffRules shipped() {
        return Shipped.RULES;
    }

    private static final class Shipped {
        static final RuffRules RULES = new RuffRules(parseSelection(resource(SELECTION)),
                SeverityTable.parse(SEVERITIES, resource(SEVERITIES)));
    }

    private static String resource(String name) {
        try (InputStream in = RuffRules.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Selector> parseSelection(String text) {
        List<Selector> selectors = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (header) {
                header = false;
                continue;
            }
            if (columns.length != 5 || !(columns[0].equals("select") || columns[0].equals("ignore"))) {
                throw new IllegalStateException(SELECTION + ": malformed line '" + line + "'");
            }
            boolean select = columns[0].equals("select");
            selectors.add(new Selector(select, columns[1], select ? columns[2] : null,
                    select ? ReportingPerspective.valueOf(columns[3].toUpperCase(java.util.Locale.ROOT)) : null, columns[4]));
        }
        return List.copyOf(selectors);
    }

    /** The selectors ruff runs with, before a repository's own settings add to them. */
    public List<String> selected() {
        return selectors.stream().filter(Selector::select).map(Selector::code).toList();
    }

    public List<String> ignored() {
        return selectors.stream().filter(s -> !s.select()).map(Selector::code).toList();
    }

    /** The severity line for a code: its own, else the most specific prefix line; empty when none. */
    public Optional<RuleSeverity> severity(String code) {
        Optional<RuleSeverity> exact = severities.rule(code);
        if (exact.isPresent()) {
            return exact;
        }
        return severities.entries().stream().filter(e -> startsFamily(code, e.rule()))
                .max(java.util.Comparator.comparingInt(e -> e.rule().length()));
    }

    /** Severity of a code's findings: the table's, else medium. */
    public Severity severityOf(String code) {
        return severity(code).map(RuleSeverity::severity).orElse(Severity.MEDIUM);
    }

    public AppliesTo appliesTo(String code) {
        return severity(code).map(RuleSeverity::appliesTo).orElse(AppliesTo.ALL);
    }

    public String category(String code) {
        return selector(code).map(Selector::category).orElse(OTHER_CATEGORY);
    }

    public ReportingPerspective perspective(String code) {
        return selector(code).map(Selector::perspective).orElse(ReportingPerspective.QUALITY);
    }

    private Optional<Selector> selector(String code) {
        return selectors.stream().filter(s -> s.select() && startsFamily(code, s.code()))
                .max(java.util.Comparator.comparingInt(s -> s.code().length()));
    }

    /**
     * Whether {@code prefix} selects {@code code} the way ruff's selectors do: the code itself, or a prefix that
     * ends in a digit or is followed by one (S selects S113, not SIM113; PL does not select PLR0913).
     */
    static boolean startsFamily(String code, String prefix) {
        if (!code.startsWith(prefix)) {
            return false;
        }
        if (code.length() == prefix.length()) {
            return true;
        }
        return Character.isDigit(prefix.charAt(prefix.length() - 1)) || Character.isDigit(code.charAt(prefix.length()));
    }
}
