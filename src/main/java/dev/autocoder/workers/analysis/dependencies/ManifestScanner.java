package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import org.apache.maven.model.Model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the dependency manifests of a snapshot and inventories them. One bad manifest never stops the others:
 * a malformed one becomes a {@link ManifestProblem} in {@code parseErrors}, an unreadable one in {@code skipped}.
 */
public class ManifestScanner {

    /** What the perspective looks for, in words, for the skip reason. */
    public static final String LOOKED_FOR = "pom.xml, build.gradle[.kts], package.json, requirements*.txt, pyproject.toml, go.mod";

    private static final Pattern REQUIREMENTS = Pattern.compile("requirements.*\\.txt");
    /**
     * Folders whose manifests are not the project's own: installed packages, and test fixtures (Maven test
     * resources and integration-test projects, Go testdata, JS fixtures) that often plant old versions on purpose.
     */
    private static final Pattern FIXTURE_FOLDER = Pattern.compile(
            "(^|/)(node_modules|src/test/resources|src/it|testdata|fixtures|__fixtures__)/");

    enum Kind { MAVEN, GRADLE, VERSION_CATALOG, NPM, REQUIREMENTS, PYPROJECT, GO }

    /** The kind of manifest a path is, if any. */
    static Optional<Kind> kindOf(String path) {
        if (FIXTURE_FOLDER.matcher(path).find()) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Optional.ofNullable(switch (name) {
            case "pom.xml" -> Kind.MAVEN;
            case "build.gradle", "build.gradle.kts" -> Kind.GRADLE;
            case "package.json" -> Kind.NPM;
            case "pyproject.toml" -> Kind.PYPROJECT;
            case "go.mod" -> Kind.GO;
            default -> name.endsWith(".versions.toml") && (path.startsWith("gradle/") || path.contains("/gradle/"))
                    ? Kind.VERSION_CATALOG
                    : REQUIREMENTS.matcher(name).matches() ? Kind.REQUIREMENTS : null;
        });
    }

    public DependencyInventory scan(Snapshot snapshot) {
        List<Dependency> dependencies = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        List<ManifestProblem> parseErrors = new ArrayList<>();
        List<ManifestProblem> skipped = new ArrayList<>();
        Map<String, Model> poms = new TreeMap<>();
        for (SourceFile file : snapshot.files()) {
            Optional<Kind> kind = kindOf(file.path());
            if (kind.isEmpty()) {
                continue;
            }
            manifests.add(file.path());
            String text;
            try {
                text = snapshot.read(file);
            } catch (IOException e) {
                skipped.add(new ManifestProblem(file.path(), file.isAnalyzableText()
                        ? "unreadable (" + e.getClass().getSimpleName() + ")"
                        : file.binary() ? "binary file" : "over the size limit"));
                continue;
            }
            try {
                if (kind.get() == Kind.MAVEN) {
                    poms.put(file.path(), MavenPoms.parse(file.path(), text));
                } else {
                    dependencies.addAll(parse(kind.get(), file.path(), text, snapshot));
                }
            } catch (ManifestException e) {
                parseErrors.add(new ManifestProblem(file.path(), e.getMessage(), e.line()));
            } catch (RuntimeException e) {
                // A parser bug on odd input must cost one manifest, not the whole inventory.
                parseErrors.add(new ManifestProblem(file.path(), "could not be parsed (" + e.getClass().getSimpleName() + ")"));
            }
        }
        MavenPoms maven = new MavenPoms(poms);
        for (String pom : poms.keySet()) {
            try {
                dependencies.addAll(maven.dependencies(pom));
            } catch (RuntimeException e) {
                parseErrors.add(new ManifestProblem(pom, "could not be resolved (" + e.getClass().getSimpleName() + ")"));
            }
        }
        dependencies.sort(Comparator.comparing(Dependency::manifest).thenComparingInt(Dependency::line)
                .thenComparing(Dependency::name));
        return new DependencyInventory(dependencies, manifests, parseErrors, skipped, Set.copyOf(maven.moduleCoordinates()));
    }

    private static List<Dependency> parse(Kind kind, String path, String text, Snapshot snapshot) throws ManifestException {
        return switch (kind) {
            case GRADLE -> GradleBuildParser.parse(path, text, gradleProperties(path, snapshot));
            case VERSION_CATALOG -> VersionCatalogParser.parse(path, text);
            case NPM -> PackageJsonParser.parse(path, text);
            case REQUIREMENTS -> RequirementsParser.parse(path, text);
            case PYPROJECT -> PyprojectParser.parse(path, text);
            case GO -> GoModParser.parse(path, text);
            case MAVEN -> throw new IllegalArgumentException("poms are resolved together");
        };
    }

    /** gradle.properties of the repository root and of the script's folder, root first (the nearer one wins). */
    private static List<String> gradleProperties(String buildScript, Snapshot snapshot) {
        Map<String, String> texts = new LinkedHashMap<>();
        int slash = buildScript.lastIndexOf('/');
        for (String candidate : List.of("gradle.properties", slash < 0 ? "gradle.properties"
                : buildScript.substring(0, slash + 1) + "gradle.properties")) {
            snapshot.file(candidate).filter(SourceFile::isAnalyzableText).ifPresent(file -> {
                try {
                    texts.putIfAbsent(candidate, snapshot.read(file));
                } catch (IOException e) {
                    // unreadable properties only leave some versions unresolved
                }
            });
        }
        return List.copyOf(texts.values());
    }
}
