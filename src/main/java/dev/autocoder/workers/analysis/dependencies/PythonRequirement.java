package dev.autocoder.workers.analysis.dependencies;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 508 requirement such as {@code requests[socks]>=2.31; python_version>"3.8"}, as it appears in
 * requirements files and PEP 621 {@code [project]} dependencies. Only {@code ==X} or {@code ===X} without a
 * wildcard is pinned; any other specifier, or none, lets the installer choose.
 */
final class PythonRequirement {

    private static final Pattern REQUIREMENT = Pattern.compile(
            "^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[[^\\]]*])?\\s*(.*)$");
    private static final Pattern EXACT = Pattern.compile("^===?\\s*([^\\s,*;]+)$");

    private PythonRequirement() {
    }

    /** The dependency a requirement string declares, or null when the string is not a named requirement. */
    static Dependency parse(String requirement, String manifest, int line, String scope) {
        Matcher matcher = REQUIREMENT.matcher(requirement.strip());
        if (!matcher.matches()) {
            return null;
        }
        String name = normalize(matcher.group(1));
        String rest = matcher.group(2);
        int marker = rest.indexOf(';');
        String specifier = (marker < 0 ? rest : rest.substring(0, marker)).strip();
        if (specifier.startsWith("(") && specifier.endsWith(")")) {
            specifier = specifier.substring(1, specifier.length() - 1).strip();
        }
        if (specifier.startsWith("@")) {
            // A direct reference (URL or path): no version to look up.
            return Dependency.unpinned(Ecosystem.PYPI, name, VersionState.EXTERNAL, specifier, manifest, line, scope);
        }
        String declared = specifier.isEmpty() ? null : specifier;
        Matcher exact = EXACT.matcher(specifier);
        if (exact.matches()) {
            return Dependency.pinned(Ecosystem.PYPI, name, exact.group(1), declared, manifest, line, scope);
        }
        return Dependency.unpinned(Ecosystem.PYPI, name, VersionState.RANGED, declared, manifest, line, scope);
    }

    /** PEP 503 name normalization, the form OSV and PyPI compare names in. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
