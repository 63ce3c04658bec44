package dev.autocoder.workers.gate;

import dev.autocoder.workers.analysis.secrets.SecretFinding;

import java.util.Set;

/** The tools a SARIF log has one run each for, and which findings each reported. */
enum SarifTool {
    PMD("PMD", "https://pmd.github.io/", "PMD 7 rules (curated Java ruleset)"),
    SECURITY_RULES("Autocoder Security", "https://github.com/autocoder/autocoder-workers/blob/main/docs/perspectives.md",
            "Our PMD XPath rules for dangerous Java APIs"),
    SECRETS("Autocoder Secrets", "https://github.com/autocoder/autocoder-workers/blob/main/docs/perspectives.md",
            "Secret detection in every text file; values are never reported"),
    DEPENDENCIES("Autocoder Dependencies", "https://github.com/autocoder/autocoder-workers/blob/main/docs/perspectives.md",
            "Dependency manifests and known vulnerabilities from OSV"),
    ARCHITECTURE("Autocoder Architecture", "https://github.com/autocoder/autocoder-workers/blob/main/docs/perspectives.md",
            "Package dependency graph, cycles and coupling"),
    METRICS("Autocoder Code Metrics", "https://github.com/autocoder/autocoder-workers/blob/main/docs/perspectives.md",
            "Complexity, size, duplication (CPD) and test coverage checks");

    private final String toolName;
    private final String informationUri;
    private final String description;

    SarifTool(String toolName, String informationUri, String description) {
        this.toolName = toolName;
        this.informationUri = informationUri;
        this.description = description;
    }

    String toolName() {
        return toolName;
    }

    String informationUri() {
        return informationUri;
    }

    String description() {
        return description;
    }

    /** The tool of a finding: by its perspective and category, our security rules by name, PMD rules by their CamelCase ids. */
    static SarifTool of(ClassifiedFinding f, Set<String> securityRuleNames) {
        String rule = f.finding().rule() == null ? "" : f.finding().rule();
        if (SecretFinding.CATEGORY.equals(f.finding().category())) {
            return SECRETS;
        }
        if ("dependencies".equals(f.perspective())) {
            return DEPENDENCIES;
        }
        if ("architecture".equals(f.perspective())) {
            return ARCHITECTURE;
        }
        if (securityRuleNames.contains(rule)) {
            return SECURITY_RULES;
        }
        // PMD's rule names are CamelCase; ours are lower-case-with-dashes
        return rule.matches("[A-Z][A-Za-z0-9]*") ? PMD : METRICS;
    }
}
