package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.analysis.secrets.AutocoderSecurityRules;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.lang.rule.Rule;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gate's findings as a SARIF 2.1.0 log: one run per tool, rules with help text and levels, locations relative to
 * the repository root ({@code %SRCROOT%}), {@code partialFingerprints} from our stable finding ids and
 * {@code baselineState} from the new-code baseline. Every message passes the secret redactor; secret findings carry
 * only their fingerprint, never the value, and no result carries a code snippet.
 */
public final class SarifLog {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The fingerprint key: our finding id hashes rule, file and normalized snippet (version 1 of that scheme). */
    static final String FINGERPRINT = "autocoderFindingId/v1";
    static final String SRCROOT = "%SRCROOT%";

    private static final Set<String> SECURITY_RULE_NAMES = securityRuleNames();

    private final ObjectMapper mapper;
    private final SecretRedactor redactor;
    private final String version;

    public SarifLog(ObjectMapper mapper, SecretRedactor redactor, String version) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.version = version;
    }

    /** The SARIF log of a gate report's findings (new, unchanged, absent and those that could not be told). */
    public ObjectNode of(GateReport report) {
        ObjectNode log = log();
        runs(log.withArray("runs"), report, null);
        return log;
    }

    /**
     * The SARIF log of a list of targets (target id → its gate report): each target's runs, each run naming its
     * target in {@code automationDetails} (category {@code <target_id>/}), so every location stays relative to its
     * own repository's root.
     */
    public ObjectNode of(Map<String, GateReport> byTarget) {
        ObjectNode log = log();
        ArrayNode runs = log.withArray("runs");
        byTarget.forEach((targetId, report) -> runs(runs, report, targetId));
        return log;
    }

    private ObjectNode log() {
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.putArray("runs");
        return log;
    }

    private void runs(ArrayNode runs, GateReport report, String targetId) {
        Map<SarifTool, List<ClassifiedFinding>> byTool = new EnumMap<>(SarifTool.class);
        for (SarifTool tool : SarifTool.values()) {
            byTool.put(tool, new java.util.ArrayList<>());
        }
        report.findings().forEach(f -> byTool.get(SarifTool.of(f, SECURITY_RULE_NAMES)).add(f));
        byTool.forEach((tool, findings) -> {
            ObjectNode run = run(tool, findings, report);
            if (targetId != null) {
                run.putObject("automationDetails").put("id", targetId + "/");
                ((ObjectNode) run.get("properties")).put("targetId", targetId);
            }
            runs.add(run);
        });
    }

    private ObjectNode run(SarifTool tool, List<ClassifiedFinding> findings, GateReport report) {
        ObjectNode run = mapper.createObjectNode();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", tool.toolName());
        driver.put("version", tool == SarifTool.PMD || tool == SarifTool.SECURITY_RULES ? PMDVersion.VERSION : version);
        driver.put("informationUri", tool.informationUri());
        driver.putObject("fullDescription").put("text", tool.description());
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (ClassifiedFinding f : findings) {
            String ruleId = ruleId(f.finding());
            if (!ruleIndex.containsKey(ruleId)) {
                ruleIndex.put(ruleId, rules.size());
                rules.add(rule(tool, f.finding(), ruleId));
            }
        }
        ObjectNode root = run.putObject("originalUriBaseIds").putObject(SRCROOT);
        root.putObject("description").put("text", "The root of the analyzed repository");
        if (report.repository() != null && report.repository().matches("https?://.+") && report.commit() != null) {
            ObjectNode provenance = run.putArray("versionControlProvenance").addObject();
            provenance.put("repositoryUri", redactor.redact(report.repository()));
            provenance.put("revisionId", report.commit());
            provenance.putObject("mappedTo").put("uriBaseId", SRCROOT);
        }
        ArrayNode results = run.putArray("results");
        for (ClassifiedFinding f : findings) {
            results.add(result(f, ruleIndex));
        }
        run.putObject("properties").put("newCodeBaseline",
                report.newCode() == null ? "none" : redactor.redact(String.valueOf(report.newCode().description())));
        return run;
    }

    private ObjectNode rule(SarifTool tool, Finding f, String ruleId) {
        ObjectNode rule = mapper.createObjectNode();
        rule.put("id", ruleId);
        rule.put("name", ruleId);
        String category = f.category() == null ? "" : f.category();
        rule.putObject("shortDescription").put("text", RuleHelp.shortText(tool, ruleId, category));
        rule.putObject("help").put("text", RuleHelp.helpText(tool, ruleId, category));
        RuleHelp.helpUri(tool, ruleId, category).ifPresent(uri -> rule.put("helpUri", uri));
        rule.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode properties = rule.putObject("properties");
        properties.putArray("tags").add(category.isEmpty() ? tool.toolName() : category);
        return rule;
    }

    private ObjectNode result(ClassifiedFinding classified, Map<String, Integer> ruleIndex) {
        Finding f = classified.finding();
        String ruleId = ruleId(f);
        ObjectNode result = mapper.createObjectNode();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", ruleIndex.get(ruleId));
        result.put("level", level(f.severity()));
        result.putObject("message").put("text", redactor.redact(f.message() == null || f.message().isBlank()
                ? ruleId : f.message()));
        if (f.file() != null && !f.file().isBlank()) {
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", uri(f.file()));
            artifact.put("uriBaseId", SRCROOT);
            if (f.line() != null && f.line() >= 1) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.line());
                if (f.endLine() != null && f.endLine() >= f.line()) {
                    region.put("endLine", f.endLine());
                }
            }
        }
        result.putObject("partialFingerprints").put(FINGERPRINT, f.id());
        if (classified.state() != null) {
            result.put("baselineState", classified.state() == BaselineState.NEW ? "new"
                    : classified.state() == BaselineState.ABSENT ? "absent" : "unchanged");
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("severity", f.severity() == null ? "info" : f.severity().label());
        properties.put("scope", f.scopeOrMain().label());
        properties.put("perspective", classified.perspective());
        properties.put("newCodeDecidedBy", classified.decidedBy());
        return result;
    }

    /** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
    static String uri(String path) {
        return java.util.Arrays.stream(path.replace('\\', '/').split("/", -1))
                .map(segment -> java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static String ruleId(Finding f) {
        return f.rule() == null || f.rule().isBlank() ? "unnamed-rule" : f.rule();
    }

    /** critical/high → error, medium → warning, low/info → note. */
    static String level(Severity severity) {
        if (severity == null) {
            return "note";
        }
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    private static Set<String> securityRuleNames() {
        try {
            return AutocoderSecurityRules.load().getRules().stream().map(Rule::getName).collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
