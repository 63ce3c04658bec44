package dev.autocoder.workers.repository;

import com.github.javaparser.ParserConfiguration;
import net.sourceforge.pmd.lang.Language;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.LanguageVersion;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java release levels (feature numbers, 8 for "1.8") that both parsers of this application know, read from the
 * libraries themselves so that a PMD or JavaParser upgrade widens them without a code change. Preview levels are
 * left out: they change meaning from one JDK to the next.
 */
final class ParserSupport {

    private static final Pattern RELEASE = Pattern.compile("(?:1\\.)?(\\d+)");
    private static final Pattern JAVA_PARSER_LEVEL = Pattern.compile("JAVA_(?:1_)?(\\d+)");

    /** Levels PMD's java module and JavaParser both parse, ascending. */
    static final Set<Integer> BOTH = both();

    private ParserSupport() {
    }

    static int newest() {
        return ((TreeSet<Integer>) BOTH).last();
    }

    static int oldest() {
        return ((TreeSet<Integer>) BOTH).first();
    }

    /** PMD's id of a level: "1.4" up to 4, the plain number from 5 on (PMD knows "8" as an alias of "1.8"). */
    static String pmdVersionId(int feature) {
        return feature < 5 ? "1." + feature : String.valueOf(feature);
    }

    static ParserConfiguration.LanguageLevel javaParserLevel(int feature) {
        return ParserConfiguration.LanguageLevel.valueOf(feature < 5 ? "JAVA_1_" + feature : "JAVA_" + feature);
    }

    private static Set<Integer> both() {
        Set<Integer> pmd = new TreeSet<>();
        Language java = LanguageRegistry.PMD.getLanguageById("java");
        for (LanguageVersion version : java.getVersions()) {
            Matcher release = RELEASE.matcher(version.getVersion());
            if (release.matches()) {
                pmd.add(Integer.parseInt(release.group(1)));
            }
        }
        TreeSet<Integer> both = new TreeSet<>();
        for (ParserConfiguration.LanguageLevel level : ParserConfiguration.LanguageLevel.values()) {
            Matcher release = JAVA_PARSER_LEVEL.matcher(level.name());
            if (release.matches() && pmd.contains(Integer.parseInt(release.group(1)))) {
                both.add(Integer.parseInt(release.group(1)));
            }
        }
        if (both.isEmpty()) {
            throw new IllegalStateException("PMD and JavaParser share no Java language level");
        }
        return both;
    }
}
