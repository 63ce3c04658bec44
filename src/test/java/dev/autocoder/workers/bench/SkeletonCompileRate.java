package dev.autocoder.workers.bench;

import dev.autocoder.workers.testplan.TestPlanHarness;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The share of generated skeleton files that compile against the target's main code: plans tests for a target
 * (first plan, whole codebase in scope, every perspective that writes skeletons), writes the skeletons, and
 * compiles them with {@code javax.tools} against the target's main sources (given as the source path, so only the
 * main classes a skeleton refers to are compiled) and the JUnit 5 API. A skeleton counts as compiled when javac
 * reports no error in that file; errors inside the target's own sources (say, a library missing from the class
 * path) do not count against it. Used by {@code SkeletonCompilationTest} and by the benchmark:
 *
 * <pre>java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     dev.autocoder.workers.bench.SkeletonCompileRate TARGET [WORK_DIR] [SAMPLE] [EXTRA_CLASSPATH]</pre>
 *
 * prints {@code skeleton_files=N compiled=M share=0.xxx} and the first errors. SAMPLE (default: all) keeps every
 * k-th skeleton file, sorted by path, so a sample of classes is checked on large corpora.
 */
public final class SkeletonCompileRate {

    /** The outcome: how many skeleton files were compiled, how many without an error, and the first errors. */
    public record Rate(int files, int compiled, List<String> errors) {
        public double share() {
            return files == 0 ? 1.0 : (double) compiled / files;
        }
    }

    private SkeletonCompileRate() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("skeleton-compile");
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        String extra = args.length > 3 ? args[3] : "";
        Rate rate = measure(target, work, sample, extra);
        System.out.printf(java.util.Locale.ROOT, "target=%s skeleton_files=%d compiled=%d share=%.3f%n",
                target.getFileName(), rate.files(), rate.compiled(), rate.share());
        rate.errors().stream().limit(20).forEach(e -> System.out.println("  " + e));
    }

    /**
     * Plans and compiles.
     *
     * @param work      an empty folder for the store, the skeletons and the class files
     * @param sample    at most this many skeleton files (every k-th by path)
     * @param classpath extra class path entries for the target's main code (its dependencies), may be empty
     */
    public static Rate measure(Path target, Path work, int sample, String classpath) throws Exception {
        Path plans = work.resolve("plans");
        TestPlanHarness harness = new TestPlanHarness(target, work.resolve("store"), plans);
        List<TestPlanningPerspective> perspectives = List.of(harness.perspective("failure-modes"),
                harness.perspective("integration-points"), harness.perspective("edge-cases"),
                harness.perspective("performance-impact"), harness.perspective("data-integrity"),
                harness.perspective("error-handling"), harness.perspective("security"),
                harness.perspective("mocking-strategy"), harness.perspective("user-experience"),
                harness.perspective("what-are-we-testing"), harness.perspective("coverage-strategy"));
        for (TestPlanningPerspective perspective : perspectives) {
            harness.run(perspective); // the harness's writer writes the skeletons under plans/
        }
        List<Path> skeletons;
        try (Stream<Path> files = Files.exists(plans) ? Files.walk(plans) : Stream.empty()) {
            skeletons = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        skeletons = sampled(skeletons, sample);
        if (skeletons.isEmpty()) {
            return new Rate(0, 0, List.of());
        }
        CodeModel model = harness.models.codeModel(harness.snapshots.current());
        String sourcePath = String.join(File.pathSeparator, sourceRoots(target, model));
        return compile(skeletons, sourcePath, junitClasspath() + (classpath.isBlank() ? "" : File.pathSeparator + classpath),
                Files.createDirectories(work.resolve("classes")));
    }

    private static List<Path> sampled(List<Path> all, int sample) {
        if (all.size() <= sample) {
            return all;
        }
        int step = (int) Math.ceil(all.size() / (double) sample);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < all.size() && out.size() < sample; i += step) {
            out.add(all.get(i));
        }
        return out;
    }

    /** The source roots of the main files: each file's path minus its package folders. */
    static Set<String> sourceRoots(Path target, CodeModel model) {
        Set<String> roots = new LinkedHashSet<>();
        for (FileModel file : model.mainFiles()) {
            String packageFolder = file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/";
            String path = file.path();
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            if (parent.endsWith(packageFolder)) {
                String root = parent.substring(0, parent.length() - packageFolder.length());
                roots.add(target.resolve(root).normalize().toString());
            }
        }
        return roots;
    }

    private static Rate compile(List<Path> skeletons, String sourcePath, String classpath, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", classpath, "-sourcepath", sourcePath,
                    "-proc:none", "-implicit:class", "-nowarn", "-Xmaxerrs", "100000", "-encoding", "UTF-8");
            compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(skeletons)).call();
        }
        Map<String, List<String>> errorsByFile = new TreeMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                errorsByFile.computeIfAbsent(Path.of(d.getSource().toUri()).toString(), k -> new ArrayList<>())
                        .add(Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + " " + d.getMessage(null));
            }
        }
        int failed = 0;
        List<String> errors = new ArrayList<>();
        for (Path skeleton : skeletons) {
            List<String> own = errorsByFile.get(skeleton.toAbsolutePath().normalize().toString());
            if (own != null) {
                failed++;
                errors.addAll(own);
            }
        }
        return new Rate(skeletons.size(), skeletons.size() - failed, errors);
    }

    /** The JUnit 5 API jars this class runs with. */
    static String junitClasspath() throws URISyntaxException {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(org.junit.jupiter.api.Test.class, org.junit.jupiter.params.ParameterizedTest.class,
                org.opentest4j.AssertionFailedError.class, org.apiguardian.api.API.class,
                org.junit.platform.commons.annotation.Testable.class)) {
            jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, jars);
    }
}
