package dev.autocoder.workers.analysis.dependencies;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dependencies of a Gradle build script ({@code build.gradle} or {@code build.gradle.kts}), read as text: string
 * notation {@code implementation 'g:a:v'} / {@code implementation("g:a:v")} and map notation
 * {@code implementation group: 'g', name: 'a', version: 'v'} (Kotlin: {@code group = "g", ...}) in any
 * dependency configuration. {@code $var} / {@code ${var}} versions resolve from simple string variables of the
 * script ({@code def}, {@code val}, {@code ext}) and from gradle.properties; references to a version catalog
 * ({@code libs.x}) are inventoried from the catalog itself. Comments are ignored.
 */
final class GradleBuildParser {

    private static final Pattern STRING_NOTATION = Pattern.compile(
            "\\b([A-Za-z_]\\w*)\\s*\\(?\\s*(?:(?:platform|enforcedPlatform)\\s*\\(\\s*)?([\"'])([^\"'\\s]+)\\2");
    private static final Pattern MAP_NOTATION = Pattern.compile(
            "\\b([A-Za-z_]\\w*)\\s*\\(?\\s*group\\s*[:=]\\s*[\"']([^\"']+)[\"']\\s*,\\s*name\\s*[:=]\\s*[\"']([^\"']+)[\"']"
                    + "(?:\\s*,\\s*version\\s*[:=]\\s*[\"']([^\"']*)[\"'])?");
    private static final Pattern COORDINATE_PART = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:(?:val|var|def|String)\\s+|(?:project\\.|rootProject\\.)?ext\\.|extra\\[\")?([A-Za-z_][\\w.]*)(?:\"])?"
                    + "(?:\\s*:\\s*String)?\\s*=\\s*[\"']([^\"'$]*)[\"']\\s*;?\\s*$", Pattern.MULTILINE);
    private static final Pattern EXTRA_DELEGATE = Pattern.compile("\\bval\\s+(\\w+)\\s+by\\s+extra\\(\\s*\"([^\"$]*)\"\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][\\w.]*)}?");
    private static final List<String> CONFIGURATION_SUFFIXES = List.of("implementation", "api", "compileonly",
            "runtimeonly", "compile", "runtime", "annotationprocessor", "classpath", "developmentonly", "mavenbom");

    private GradleBuildParser() {
    }

    /**
     * @param gradleProperties the text of gradle.properties files that apply (root first), may be empty
     */
    static List<Dependency> parse(String manifest, String text, List<String> gradleProperties) {
        String code = ScriptComments.blankComments(text);
        Map<String, String> variables = variables(code, gradleProperties);
        List<Dependency> result = new ArrayList<>();
        Matcher strings = STRING_NOTATION.matcher(code);
        while (strings.find()) {
            String[] parts = strings.group(3).split(":");
            if (!isConfiguration(strings.group(1)) || parts.length < 2 || parts.length > 4
                    || !COORDINATE_PART.matcher(parts[0]).matches() || !COORDINATE_PART.matcher(parts[1]).matches()) {
                continue;
            }
            String declared = parts.length > 2 ? stripExtension(parts[2]) : null;
            result.add(dependency(parts[0], parts[1], declared, variables, manifest,
                    ScriptComments.lineOf(code, strings.start(3)), strings.group(1)));
        }
        Matcher maps = MAP_NOTATION.matcher(code);
        while (maps.find()) {
            if (isConfiguration(maps.group(1))) {
                result.add(dependency(maps.group(2), maps.group(3), maps.group(4), variables, manifest,
                        ScriptComments.lineOf(code, maps.start(2)), maps.group(1)));
            }
        }
        result.sort(java.util.Comparator.comparingInt(Dependency::line));
        return result;
    }

    private static Dependency dependency(String group, String artifact, String declared, Map<String, String> variables,
                                         String manifest, int line, String configuration) {
        String resolved = declared == null ? null : substitute(declared, variables);
        return GradleVersions.classify(group, artifact, declared, resolved, manifest, line, configuration);
    }

    private static boolean isConfiguration(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.startsWith("kapt") || lower.startsWith("ksp")
                || CONFIGURATION_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static String stripExtension(String version) {
        int at = version.indexOf('@');
        return at < 0 ? version : version.substring(0, at);
    }

    private static String substitute(String declared, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(declared);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = variables.getOrDefault(name, variables.get(stripQualifier(name)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** {@code project.ext.x}, {@code rootProject.x} and {@code ext.x} name the same variable {@code x}. */
    private static String stripQualifier(String name) {
        return name.replaceFirst("^(?:rootProject\\.|project\\.)?(?:ext\\.|extra\\.)?", "");
    }

    private static Map<String, String> variables(String code, List<String> gradleProperties) {
        Map<String, String> variables = new HashMap<>();
        for (String text : gradleProperties) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                continue; // a broken gradle.properties only means fewer resolvable versions
            }
            properties.forEach((k, v) -> variables.put(k.toString(), v.toString().strip()));
        }
        Matcher assignments = ASSIGNMENT.matcher(code);
        while (assignments.find()) {
            variables.put(stripQualifier(assignments.group(1)), assignments.group(2));
        }
        Matcher delegates = EXTRA_DELEGATE.matcher(code);
        while (delegates.find()) {
            variables.put(delegates.group(1), delegates.group(2));
        }
        return variables;
    }
}
