package dev.autocoder.workers.repository;

import com.github.javaparser.ParserConfiguration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java release PMD and JavaParser parse a file with, and where it comes from. It is the level the build gives
 * javac ({@link JavaLanguageLevels}), or, without one, the newest level both parsers support. A declared level a
 * parser does not know is replaced by the nearest one both know, and {@link #note()} says so.
 *
 * @param feature the release's feature number (8 for "1.8")
 * @param source  where the level comes from, e.g. {@code "pom.xml: maven.compiler.release"}
 * @param note    why the declared level is not the one used, or null when it is
 */
public record JavaLanguageLevel(int feature, String source, String note) {

    private static final Pattern RELEASE = Pattern.compile("(?:1[._])?(\\d{1,3})(?:\\.0)?");
    static final String DEFAULT_SOURCE = "no level declared in the build: the newest release PMD and JavaParser both parse";

    /** The level for code whose build declares none. */
    public static JavaLanguageLevel newestSupported() {
        return new JavaLanguageLevel(ParserSupport.newest(), DEFAULT_SOURCE, null);
    }

    /** A level as a build file writes it ("17", "1.8", "21.0"), or the default with a note when it is none. */
    static JavaLanguageLevel of(String release, String source) {
        Matcher number = RELEASE.matcher(release.strip());
        return number.matches() ? declared(Integer.parseInt(number.group(1)), source) : unresolved(release, source);
    }

    /** A level the build declares, moved to the nearest supported one when a parser does not know it. */
    static JavaLanguageLevel declared(int feature, String source) {
        if (ParserSupport.BOTH.contains(feature)) {
            return new JavaLanguageLevel(feature, source, null);
        }
        int used = feature > ParserSupport.newest() ? ParserSupport.newest() : ParserSupport.oldest();
        return new JavaLanguageLevel(used, source, "the build declares Java " + feature + ", which PMD or JavaParser "
                + "does not parse; Java " + used + " is used");
    }

    /** The value declared but not usable (e.g. a property defined outside the repository): the default, with why. */
    static JavaLanguageLevel unresolved(String value, String source) {
        return new JavaLanguageLevel(ParserSupport.newest(), source, "'" + value + "' is not a Java release this "
                + "repository's build files resolve; the newest release PMD and JavaParser both parse is used");
    }

    /** The id of the PMD java language version of this level ("1.4", "8", "21"). */
    public String pmdVersion() {
        return ParserSupport.pmdVersionId(feature);
    }

    public ParserConfiguration.LanguageLevel javaParserLevel() {
        return ParserSupport.javaParserLevel(feature);
    }

    /** "21 (pom.xml: maven.compiler.release)", with the note when there is one. */
    public String describe() {
        return feature + " (" + source + (note == null ? "" : "; " + note) + ")";
    }
}
