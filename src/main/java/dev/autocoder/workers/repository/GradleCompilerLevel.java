package dev.autocoder.workers.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java level a Gradle build script (Groovy or Kotlin DSL) gives javac, in the order javac sees them:
 * {@code options.release}, then {@code sourceCompatibility} (which defaults to the toolchain's version), then the
 * toolchain ({@code JavaLanguageVersion.of(21)}, Kotlin's {@code jvmToolchain(21)}). The script is read, not run:
 * a level computed in code is not seen.
 */
final class GradleCompilerLevel {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final String ASSIGN = "\\s*(?:=|\\.set\\(|\\()\\s*";
    private static final String QUOTED_RELEASE = "['\"]?([\\d._]+)['\"]?";
    private static final List<Form> FORMS = List.of(
            new Form("options.release", Pattern.compile("options\\.release" + ASSIGN + "(\\d+)")),
            new Form("sourceCompatibility", Pattern.compile("sourceCompatibility" + ASSIGN
                    + "(?:JavaVersion\\.VERSION_([\\d_]+)|JavaVersion\\.toVersion\\(\\s*" + QUOTED_RELEASE + "\\s*\\)|"
                    + QUOTED_RELEASE + ")")),
            new Form("toolchain JavaLanguageVersion.of", Pattern.compile("JavaLanguageVersion\\.of\\(\\s*"
                    + QUOTED_RELEASE + "\\s*\\)")),
            new Form("jvmToolchain", Pattern.compile("jvmToolchain\\(\\s*(\\d+)\\s*\\)")));

    private GradleCompilerLevel() {
    }

    static Optional<JavaLanguageLevel> level(Path root, String script) {
        String text = withoutComments(root, script).orElse("");
        for (Form form : FORMS) {
            Matcher match = form.pattern.matcher(text);
            if (match.find()) {
                return Optional.of(JavaLanguageLevel.of(firstGroup(match), script + ": " + form.name));
            }
        }
        return Optional.empty();
    }

    /** The script's text without comments; empty when it cannot be read. */
    static Optional<String> withoutComments(Path root, String script) {
        try {
            return Optional.of(COMMENT.matcher(Files.readString(root.resolve(script))).replaceAll(""));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String firstGroup(Matcher match) {
        for (int group = 1; group <= match.groupCount(); group++) {
            if (match.group(group) != null) {
                return match.group(group);
            }
        }
        return match.group();
    }

    private record Form(String name, Pattern pattern) {
    }
}
