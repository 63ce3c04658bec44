package dev.autocoder.workers.analysis.dependencies;

import org.apache.maven.artifact.versioning.ComparableVersion;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient version order per ecosystem, good enough to choose the nearest fixed version and to sort versions
 * for messages: Maven's own {@link ComparableVersion} ({@code 2.9.10 > 2.9.9}, {@code 1.0 = 1.0.0},
 * {@code 2.10.0-rc1 < 2.10.0}), with the pre-release rule of semver and PEP 440 where Maven's differs.
 */
final class VersionOrder {

    /** Maven: ComparableVersion as it is. */
    private static final Comparator<String> MAVEN = Comparator.comparing(VersionOrder::maven);

    /**
     * npm, Go and other semver ecosystems: any {@code -suffix} is a pre-release below its release, where Maven ranks
     * an unknown qualifier ({@code 1.0.0-next.1}) above it; pre-releases among themselves keep Maven's order; build
     * metadata ({@code +build}) does not count.
     */
    private static final Comparator<String> SEMVER = Comparator
            .comparing((String v) -> maven(release(withoutBuild(v))))
            .thenComparing(v -> preRelease(withoutBuild(v)), Comparator.nullsLast(MAVEN));

    /**
     * PyPI: Maven already ranks a/b/rc below and post above the release, but ranks {@code .devN} above it; PEP 440
     * puts {@code 1.0.dev1} below {@code 1.0a0} and {@code 1.0a1.dev1} just below {@code 1.0a1}.
     */
    private static final Comparator<String> PEP_440 = Comparator
            .comparing((String v) -> maven(devKey(v)))
            .thenComparing(VersionOrder::isDev, Comparator.reverseOrder());

    private static final Pattern DEV = Pattern.compile("[.\\-_]?dev\\d*$");

    private VersionOrder() {
    }

    static Comparator<String> of(String ecosystem) {
        if (Ecosystem.MAVEN.equals(ecosystem)) {
            return MAVEN;
        }
        return Ecosystem.PYPI.equals(ecosystem) ? PEP_440 : SEMVER;
    }

    private static ComparableVersion maven(String version) {
        return new ComparableVersion(version.strip());
    }

    private static String withoutBuild(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }

    private static String release(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    /** Null for a release, so that it sorts after every pre-release of the same version. */
    private static String preRelease(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? null : version.substring(dash + 1);
    }

    /** A dev release of a plain release sorts with its lowest alpha; of a pre- or post-release, with that one. */
    private static String devKey(String version) {
        Matcher dev = DEV.matcher(version.toLowerCase(Locale.ROOT));
        if (!dev.find()) {
            return version;
        }
        String base = version.substring(0, dev.start());
        return base.matches("[0-9.]+") ? base + "-alpha-0" : base;
    }

    private static boolean isDev(String version) {
        return DEV.matcher(version.toLowerCase(Locale.ROOT)).find();
    }
}
