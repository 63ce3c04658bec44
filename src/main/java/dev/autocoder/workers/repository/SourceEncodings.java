package dev.autocoder.workers.repository;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source encoding each module's build declares, as javac gets it: Maven's {@code project.build.sourceEncoding}
 * property (through the pom chain of the enclosing folders, {@code ${...}} resolved), else a Gradle script's
 * {@code options.encoding = '...'} (a literal; an encoding computed in code is not seen). A module that declares
 * none takes its enclosing module's. Modules are those of {@link BuildModules}.
 */
final class SourceEncodings {

    static final String MAVEN_PROPERTY = "project.build.sourceEncoding";
    private static final Pattern GRADLE_ENCODING = Pattern.compile(
            "options\\.encoding\\s*(?:=|\\.set\\(|\\()\\s*['\"]([^'\"\\s]+)['\"]");

    /** Module folder to the encoding it declares (or inherits); modules without one are absent. */
    private final Map<String, Declared> byModule;

    private SourceEncodings(Map<String, Declared> byModule) {
        this.byModule = byModule;
    }

    /** An encoding name and where the build declares it ("pom.xml: project.build.sourceEncoding"). */
    public record Declared(String name, String where) {
    }

    static SourceEncodings of(Path root, Collection<SourceFile> files) {
        Map<String, List<String>> buildFiles = BuildModules.of(files);
        MavenCompilerLevel maven = new MavenCompilerLevel(root);
        Map<String, Declared> byModule = new LinkedHashMap<>();
        // BuildModules' order puts a folder before the folders inside it, so the enclosing module is known
        buildFiles.forEach((module, names) -> {
            Declared declared = declared(root, maven, module, names, buildFiles)
                    .orElseGet(() -> BuildModules.enclosing(byModule, module));
            if (declared != null) {
                byModule.put(module, declared);
            }
        });
        return new SourceEncodings(Map.copyOf(byModule));
    }

    /** The encoding the build declares for a path, if any. */
    public Optional<Declared> of(String path) {
        return Optional.ofNullable(BuildModules.enclosing(byModule, path));
    }

    private static Optional<Declared> declared(Path root, MavenCompilerLevel maven, String module, List<String> names,
                                               Map<String, List<String>> buildFiles) {
        if (names.contains("pom.xml")) {
            Optional<Declared> declared = maven.property(BuildModules.pomChain(module, buildFiles), MAVEN_PROPERTY)
                    .filter(d -> !d.value().isBlank() && !d.value().contains("${"))
                    .map(d -> new Declared(d.value(), d.where()));
            if (declared.isPresent()) {
                return declared;
            }
        }
        for (String script : BuildModules.GRADLE_SCRIPTS) {
            if (names.contains(script)) {
                Matcher match = GRADLE_ENCODING.matcher(GradleCompilerLevel.withoutComments(root, module + script).orElse(""));
                if (match.find()) {
                    return Optional.of(new Declared(match.group(1), module + script + ": options.encoding"));
                }
            }
        }
        return Optional.empty();
    }
}
