package dev.autocoder.workers.implementation;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A small shop project committed with JGit, with one planted PMD finding of each mechanical kind (one file each),
 * callers and a test for the parser, plus helpers to run the real git binary and to compile the project with the
 * JDK's compiler.
 */
public final class ImplementationFixture {

    public static final String SRC = "src/main/java/com/shop/";

    public static final String INVENTORY = """
            package com.shop;

            import java.util.ArrayList;
            import java.util.List;

            /** Keeps the items of a store. */
            public class Inventory {

                private final List<String> items = new ArrayList<>();
                // the most items the store may hold
                private final int capacity;

                public Inventory(int capacity) {
                    this.capacity = capacity;
                }

                /** Adds an item. */
                public void add(String item) {
                    items.add(item);
                }

                public int size() {
                    return items.size();
                }
            }
            """;

    public static final String LABELS = """
            package com.shop;

            public class Labels {

                public int sum(int[] values) {
                    // a label nobody prints
                    String label = "total";
                    int sum = 0;
                    for (int value : values) {
                        sum += value;
                    }
                    return sum;
                }
            }
            """;

    /** Strings compared by reference twice (UseEqualsToCompareStrings, which has no mechanical fix). */
    public static final String NAMES = """
            package com.shop;

            public class Names {
                public boolean same(String name, String other) {
                    return name == other;
                }

                public boolean differ(String name, String other) {
                    return name != other;
                }
            }
            """;

    public static final String CATALOG = """
            package com.shop;

            import java.util.List;
            import java.util.Map;
            import java.util.Set;

            /** Names in a catalog. */
            public class Catalog {

                public Set<String> names(List<String> entries) {
                    return Set.copyOf(entries);
                }
            }
            """;

    public static final String PARSER = """
            package com.shop;

            public class Parser {

                public int parse(String value) {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                    }
                    return -1;
                }
            }
            """;

    public static final String ORDER_SERVICE = """
            package com.shop;

            public class OrderService {

                private final Parser parser = new Parser();

                public int quantity(String text) {
                    return parser.parse(text);
                }

                public int total(String first, String second) {
                    return parser.parse(first) + parser.parse(second);
                }
            }
            """;

    public static final String REPORT = """
            package com.shop;

            import java.util.List;

            public class Report {

                public String describe(List<String> items) {
                    String text = "";
                    for (String item : items) {
                        text += item + ", ";
                    }
                    return text;
                }
            }
            """;

    public static final String RULES = """
            package com.shop;

            public class Rules {

                /** Whether the person may vote. */
                public boolean isAdult(int age) {
                    if (age >= 18) {
                        return true;
                    } else {
                        return false;
                    }
                }
            }
            """;

    public static final String STREAMS = """
            package com.shop;

            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            public class Streams {

                public int firstByte(File file) throws IOException {
                    InputStream in = new FileInputStream(file);
                    try {
                        return in.read();
                    } finally {
                        in.close();
                    }
                }
            }
            """;

    public static final String PARSER_TEST = """
            package com.shop;

            class ParserTest {

                void parsesDigits() {
                    Parser parser = new Parser();
                    if (parser.parse("42") != 42) {
                        throw new AssertionError();
                    }
                }
            }
            """;

    private ImplementationFixture() {
    }

    /** Writes every source, commits it, and returns the root. */
    public static Path create(Path root) throws Exception {
        write(root, SRC + "Inventory.java", INVENTORY);
        write(root, SRC + "Labels.java", LABELS);
        write(root, SRC + "Catalog.java", CATALOG);
        write(root, SRC + "Parser.java", PARSER);
        write(root, SRC + "OrderService.java", ORDER_SERVICE);
        write(root, SRC + "Report.java", REPORT);
        write(root, SRC + "Rules.java", RULES);
        write(root, SRC + "Streams.java", STREAMS);
        write(root, "src/test/java/com/shop/ParserTest.java", PARSER_TEST);
        commit(root, "Planted findings", "2026-11-01T10:00:00Z");
        return root;
    }

    public static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Commits every change (new, changed and deleted files) and returns the commit id. */
    public static String commit(Path root, String message, String when) throws Exception {
        try (Git git = Files.isDirectory(root.resolve(".git")) ? Git.open(root.toFile())
                : Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent ident = new PersonIdent("Fixture", "fixture@example.org", Date.from(Instant.parse(when)),
                    TimeZone.getTimeZone("UTC"));
            return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call().getName();
        }
    }

    /** Runs the real git binary in the repository with the text on standard input. */
    public static GitResult git(Path root, String stdin, String... arguments) throws Exception {
        List<String> command = Stream.concat(Stream.of("git"), Stream.of(arguments)).toList();
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("git did not finish: " + command);
        }
        return new GitResult(process.exitValue(), output);
    }

    public record GitResult(int exitCode, String output) {
    }

    /**
     * Compiles every source under src/main/java against the JDK alone; returns the errors, empty when it compiled.
     * The fixtures use nothing else, and javac given this JVM's class path (about 290 jars) opened every jar at each
     * compile: most of the CPU of the tests that compile fixtures again and again.
     */
    public static String compileErrors(Path root, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Files.createDirectories(classes);
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-proc:none", "-classpath", classes.toString(), "-d", classes.toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            return ok ? "" : diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n"));
        }
    }
}
