package dev.autocoder.workers.repository;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Java language level of every path of a snapshot, from its build files: each folder with a {@code pom.xml}
 * ({@link MavenCompilerLevel}) or {@code build.gradle(.kts)} ({@link GradleCompilerLevel}) is a module; a file
 * takes the level of its innermost module, and a module that declares none takes its enclosing module's. Without
 * any declaration the level is the newest release both PMD and JavaParser parse. The parsers of the analysis and
 * the test planner use it, so the code is read as javac reads it.
 */
public final class JavaLanguageLevels {

    /** Module folder ("" for the root, else ending in '/') to its level. */
    private final Map<String, JavaLanguageLevel> byModule;

    private JavaLanguageLevels(Map<String, JavaLanguageLevel> byModule) {
        this.byModule = byModule;
    }

    public static JavaLanguageLevels of(Path root, Collection<SourceFile> files) {
        Map<String, List<String>> buildFiles = BuildModules.of(files);
        MavenCompilerLevel maven = new MavenCompilerLevel(root);
        Map<String, JavaLanguageLevel> byModule = new LinkedHashMap<>();
        // TreeMap order puts a folder before the folders inside it, so the enclosing module is always known
        buildFiles.forEach((module, names) -> byModule.put(module,
                declared(root, maven, module, names, buildFiles).orElseGet(() -> enclosing(byModule, module))));
        return new JavaLanguageLevels(Map.copyOf(byModule));
    }

    /** The level for a path of the snapshot. */
    public JavaLanguageLevel of(String path) {
        return enclosing(byModule, path);
    }

    /** The distinct levels of the modules, by module folder ("" is the root); empty without build files. */
    public Map<String, JavaLanguageLevel> byModule() {
        return new TreeMap<>(byModule);
    }

    /** The level of the root module, or the default. */
    public JavaLanguageLevel project() {
        return byModule.getOrDefault("", JavaLanguageLevel.newestSupported());
    }

    /**
     * For a row's details: the root level with its source (and note), plus the level of each module when the
     * modules do not all use the root's.
     */
    public Map<String, Object> details() {
        JavaLanguageLevel project = project();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", project.feature());
        details.put("source", project.source());
        if (project.note() != null) {
            details.put("note", project.note());
        }
        if (byModule.values().stream().anyMatch(l -> l.feature() != project.feature())) {
            Map<String, String> modules = new LinkedHashMap<>();
            byModule().forEach((module, level) -> modules.put(module.isEmpty() ? "." : module, level.describe()));
            details.put("modules", modules);
        }
        return details;
    }

    private static Optional<JavaLanguageLevel> declared(Path root, MavenCompilerLevel maven, String module,
                                                        List<String> names, Map<String, List<String>> buildFiles) {
        if (names.contains("pom.xml")) {
            Optional<JavaLanguageLevel> level = maven.level(BuildModules.pomChain(module, buildFiles));
            if (level.isPresent()) {
                return level;
            }
        }
        for (String script : BuildModules.GRADLE_SCRIPTS) {
            if (names.contains(script)) {
                Optional<JavaLanguageLevel> level = GradleCompilerLevel.level(root, module + script);
                if (level.isPresent()) {
                    return level;
                }
            }
        }
        return Optional.empty();
    }

    /** The level of the innermost module strictly enclosing (or equal to, for files) the path. */
    private static JavaLanguageLevel enclosing(Map<String, JavaLanguageLevel> byModule, String path) {
        JavaLanguageLevel level = BuildModules.enclosing(byModule, path);
        return level == null ? JavaLanguageLevel.newestSupported() : level;
    }
}
