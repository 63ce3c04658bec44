package dev.autocoder.workers.analysis.dependencies;

import java.util.Locale;

/** The OSV ecosystem names this perspective produces (https://ossf.github.io/osv-schema/#affectedpackage-field). */
final class Ecosystem {

    public static final String MAVEN = "Maven";
    public static final String NPM = "npm";
    public static final String PYPI = "PyPI";
    public static final String GO = "Go";

    private Ecosystem() {
    }

    /** The metric suffix of an ecosystem, e.g. {@code dependencies_maven}. */
    public static String metricKey(String ecosystem) {
        return ecosystem.toLowerCase(Locale.ROOT);
    }
}
