package dev.autocoder.workers.repository;

import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.autocoder.workers.repository.PomXml.child;
import static dev.autocoder.workers.repository.PomXml.children;
import static dev.autocoder.workers.repository.PomXml.text;

/**
 * The {@link Scope} of every path of a snapshot, decided in this order (the first that applies wins):
 * <ol>
 *   <li><b>generated</b>: the file carries a generated-code marker ({@link GeneratedMarkers}) or lies under a
 *       folder named {@code generated}, {@code generated-sources}, {@code generated-test-sources}, {@code gen-src}
 *       or {@code src-gen};</li>
 *   <li><b>build</b>: a build script or manifest by its name ({@link #BUILD_FILES}) or under {@code .mvn/},
 *       {@code gradle/}, {@code .github/workflows/} or {@code .circleci/};</li>
 *   <li>the <b>source set</b> the path lies in, from the build layout: each {@code pom.xml}'s
 *       {@code sourceDirectory}, {@code testSourceDirectory}, {@code resources} and {@code testResources}, and the
 *       Maven/Gradle convention {@code src/<set>/}: {@code src/main/} is main, a set whose name contains "test"
 *       (test, testFixtures, integrationTest, …) or is {@code it} is test, and the resources of a test set are
 *       fixture. Inside a test set, a fixture folder (below) makes a fixture. The build layout wins over names:
 *       a {@code FooTest.java} under {@code src/main/java} is main;</li>
 *   <li>outside any source set (unpacked source jars, Python or JavaScript projects): a <b>fixture</b> folder
 *       ({@link #FIXTURE_FOLDERS}), then a <b>test</b> folder ({@link #TEST_FOLDERS}) or test file name
 *       ({@code *Test.java}, {@code *Tests.java}, {@code *IT.java}, {@code *TestCase.java}, {@code Test*.java},
 *       {@code *Spec.groovy}, {@code test_*.py}, {@code *_test.py}, {@code conftest.py}, {@code *_test.go},
 *       {@code *.test.js}, {@code *.spec.ts}, …), where keys and certificates ({@link #KEY_MATERIAL}:
 *       {@code tests/certs/server.key}) are <b>fixture</b>: test data, not test code;</li>
 *   <li>otherwise <b>main</b>.</li>
 * </ol>
 */
final class CodeScopes {

    static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "gradle.properties", "gradlew", "gradlew.bat", "mvnw", "mvnw.cmd", "build.xml",
            "build.sbt", "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "requirements.txt",
            "requirements-dev.txt", "requirements-test.txt", "pipfile", "pipfile.lock", "pyproject.toml", "setup.py",
            "setup.cfg", "poetry.lock", "uv.lock", "tox.ini", "noxfile.py", "go.mod", "go.sum", "cargo.toml",
            "cargo.lock", "makefile", "cmakelists.txt", "dockerfile", "jenkinsfile", ".gitlab-ci.yml", "gemfile",
            "gemfile.lock", "composer.json", "composer.lock");
    static final Set<String> FIXTURE_FOLDERS = Set.of("fixtures", "fixture", "__fixtures__", "testdata", "test-data",
            "test_data", "testfiles", "test-files", "test-resources", "__snapshots__");
    static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "__tests__", "spec", "specs");
    /** Keys and certificates: in a test folder they are test data (tests/certs/server.key), not test code. */
    static final Set<String> KEY_MATERIAL = Set.of("pem", "key", "crt", "cer", "der", "p12", "pfx", "jks", "keystore",
            "truststore", "csr", "p8");
    private static final Set<String> GENERATED_FOLDERS = Set.of("generated", "generated-sources",
            "generated-test-sources", "gen-src", "src-gen");
    private static final Set<String> BUILD_FOLDERS = Set.of(".mvn/", "gradle/", ".github/workflows/", ".circleci/");
    private static final Pattern TEST_FILE = Pattern.compile(
            "(?:\\w+(?:Test|Tests|IT|TestCase)\\.(?:java|kt|groovy|scala)"
                    + "|Test[A-Z0-9_]\\w*\\.(?:java|kt|groovy|scala)|\\w+(?:Spec|Suite)\\.(?:groovy|scala|kt)"
                    + "|test_\\w+\\.py|\\w+_test\\.py|conftest\\.py|\\w+_test\\.go|\\w+_(?:spec|test)\\.rb"
                    + "|[\\w.-]+\\.(?:test|spec)\\.(?:js|jsx|ts|tsx|mjs|cjs))");
    private static final Pattern REQUIREMENTS = Pattern.compile("requirements[\\w.-]*\\.(?:txt|in)");

    private final List<Root> roots;
    private final Map<String, Boolean> generated;

    private CodeScopes(List<Root> roots, Map<String, Boolean> generated) {
        this.roots = roots.stream().sorted(Comparator.comparingInt((Root r) -> r.prefix().length()).reversed()).toList();
        this.generated = generated;
    }

    /** The scopes of a snapshot's files; reads the pom.xml files of the inventory for declared source folders. */
    static CodeScopes of(Path root, List<SourceFile> files) {
        List<Root> roots = new ArrayList<>();
        Map<String, Boolean> generated = new HashMap<>();
        for (SourceFile file : files) {
            generated.put(file.path(), file.generated());
            if (file.path().equals("pom.xml") || file.path().endsWith("/pom.xml")) {
                if (file.isAnalyzableText()) {
                    roots.addAll(declaredRoots(root, file.path()));
                }
            }
        }
        return new CodeScopes(roots, generated);
    }

    public Scope of(String path) {
        if (path == null || path.isEmpty()) {
            return Scope.MAIN;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        if (Boolean.TRUE.equals(generated.get(path)) || anyFolder(segments, GENERATED_FOLDERS)) {
            return Scope.GENERATED;
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (BUILD_FILES.contains(lowerName) || REQUIREMENTS.matcher(lowerName).matches() || lowerName.endsWith(".versions.toml")
                || BUILD_FOLDERS.stream().anyMatch(f -> lower.startsWith(f) || lower.contains("/" + f))) {
            return Scope.BUILD;
        }
        for (Root root : roots) {
            if (path.startsWith(root.prefix())) {
                return root.scope() == Scope.TEST && anyFolder(segments, FIXTURE_FOLDERS) ? Scope.FIXTURE : root.scope();
            }
        }
        Scope conventional = conventionalSourceSet(segments);
        if (conventional != null) {
            return conventional;
        }
        if (anyFolder(segments, FIXTURE_FOLDERS)) {
            return Scope.FIXTURE;
        }
        if (anyFolder(segments, TEST_FOLDERS) || TEST_FILE.matcher(name).matches()) {
            return keyMaterial(lowerName) ? Scope.FIXTURE : Scope.TEST;
        }
        return Scope.MAIN;
    }

    /** {@code src/<set>/…}: main, a test set (its resources and fixture folders are fixtures), or null. */
    private static Scope conventionalSourceSet(String[] segments) {
        for (int i = 0; i + 2 < segments.length; i++) {
            if (!segments[i].equals("src")) {
                continue;
            }
            String set = segments[i + 1].toLowerCase(Locale.ROOT);
            if (set.equals("main")) {
                return Scope.MAIN;
            }
            if (set.contains("test") || set.equals("it")) {
                boolean resources = segments[i + 2].equals("resources");
                boolean fixture = resources || anyFolder(segments, FIXTURE_FOLDERS) || keyMaterial(segments[segments.length - 1].toLowerCase(Locale.ROOT));
                return fixture ? Scope.FIXTURE : Scope.TEST;
            }
        }
        return null;
    }

    private static boolean keyMaterial(String lowerName) {
        int dot = lowerName.lastIndexOf('.');
        return dot > 0 && KEY_MATERIAL.contains(lowerName.substring(dot + 1));
    }

    private static boolean anyFolder(String[] segments, Set<String> names) {
        for (int i = 0; i < segments.length - 1; i++) {
            if (names.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private record Root(String prefix, Scope scope) {
    }

    /** The folders a pom.xml declares, relative to the repository root, each ending in '/'. */
    private static List<Root> declaredRoots(Path root, String pomPath) {
        String module = pomPath.contains("/") ? pomPath.substring(0, pomPath.lastIndexOf('/') + 1) : "";
        List<Root> roots = new ArrayList<>();
        try {
            Element build = child(PomXml.project(root.resolve(pomPath)), "build");
            if (build == null) {
                return roots;
            }
            addRoot(roots, module, text(child(build, "sourceDirectory")), Scope.MAIN);
            addRoot(roots, module, text(child(build, "testSourceDirectory")), Scope.TEST);
            for (String directory : resourceDirectories(build, "resources", "resource")) {
                addRoot(roots, module, directory, Scope.MAIN);
            }
            for (String directory : resourceDirectories(build, "testResources", "testResource")) {
                addRoot(roots, module, directory, Scope.FIXTURE);
            }
        } catch (Exception e) {
            // a pom that does not parse declares nothing; the conventions still apply
        }
        return roots;
    }

    private static void addRoot(List<Root> roots, String module, String directory, Scope scope) {
        if (directory == null || directory.isBlank()) {
            return;
        }
        String relative = directory.strip().replace('\\', '/')
                .replaceFirst("^\\$\\{(?:project\\.)?basedir}/?", "");
        if (relative.contains("${") || relative.startsWith("/") || relative.contains("..")) {
            return;
        }
        String prefix = Path.of(module + relative).normalize().toString().replace('\\', '/');
        if (!prefix.isEmpty()) {
            roots.add(new Root(prefix + "/", scope));
        }
    }

    private static List<String> resourceDirectories(Element build, String listName, String itemName) {
        List<String> directories = new ArrayList<>();
        for (Element item : children(child(build, listName))) {
            if (item.getTagName().equals(itemName)) {
                directories.add(text(child(item, "directory")));
            }
        }
        return directories;
    }
}
