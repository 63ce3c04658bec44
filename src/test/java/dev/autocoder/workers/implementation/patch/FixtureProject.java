package dev.autocoder.workers.implementation.patch;

import dev.autocoder.workers.implementation.ImplementationFixture;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

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
import java.util.stream.Stream;

/**
 * A small Maven-less Java project with one planted PMD finding of each mechanical kind (one file each, so a patch's
 * effect on its rule can be checked file by file), committed with JGit; plus helpers to run the real git binary and
 * to compile the project with the JDK's compiler.
 */
final class FixtureProject {

    static final String SRC = "src/main/java/com/acme/";

    static final String INVENTORY = """
            package com.acme;

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

    static final String LABELS = """
            package com.acme;

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

    static final String TIMER = """
            package com.acme;

            public class Timer {

                public int timed(int[] values) {
                    long started = System.nanoTime();
                    return values.length;
                }
            }
            """;

    static final String CATALOG = """
            package com.acme;

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

    static final String PARSER = """
            package com.acme;

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

    static final String FALLBACK = """
            package com.acme;

            public class Fallback {

                public int parseOrZero(String value) {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        // not a number: zero will do
                    }
                    return 0;
                }

                public void pause() {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                    }
                }
            }
            """;

    static final String REPORT = """
            package com.acme;

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

    static final String LISTING = """
            package com.acme;

            import java.util.List;

            public class Listing {

                public String lines(List<String> items) {
                    String text = "Items:";
                    for (int i = 0; i < items.size(); i++) {
                        text = text + "\\n" + i + ". " + items.get(i);
                        if (text.length() > 1000) {
                            break;
                        }
                    }
                    return text;
                }
            }
            """;

    static final String SUMMARY = """
            package com.acme;

            import java.util.List;

            public class Summary {

                public String describe(List<String> items, boolean verbose) {
                    String text = items.isEmpty() ? "none" : items.size() + " items";
                    for (String item : items) {
                        text += (verbose ? item : item.substring(0, 1)) + ";";
                    }
                    return text;
                }
            }
            """;

    static final String RULES = """
            package com.acme;

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

    static final String CHECKS = """
            package com.acme;

            public class Checks {

                public boolean hasName(String name) {
                    if (name.isEmpty())
                        return false;
                    else
                        return true;
                }

                public boolean differs(int a, int b) {
                    if (a == b) {
                        return false;
                    }
                    return true;
                }
            }
            """;

    static final String STREAMS = """
            package com.acme;

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

    static final String CLOSER = """
            package com.acme;

            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            public class Closer {

                public int secondByte(File file) {
                    InputStream in = null;
                    try {
                        in = new FileInputStream(file);
                        in.read();
                        return in.read();
                    } catch (IOException e) {
                        return -1;
                    } finally {
                        try {
                            if (in != null) {
                                in.close();
                            }
                        } catch (IOException ignored) {
                            // nothing to do
                        }
                    }
                }
            }
            """;

    static final String FIRST_LINE = """
            package com.acme;

            import java.io.BufferedReader;
            import java.io.File;
            import java.io.FileReader;
            import java.io.IOException;

            public class FirstLine {

                public String read(File file) throws IOException {
                    BufferedReader reader = new BufferedReader(new FileReader(file));
                    String line = reader.readLine();
                    return line == null ? "" : line.strip();
                }
            }
            """;

    static final String CSV = """
            package com.acme;

            import java.util.List;

            public class Csv {

                public String row(List<String> cells) {
                    StringBuilder line = new StringBuilder();
                    for (String cell : cells) {
                        if (line.length() > 0) {
                            line.append(",");
                        }
                        line.append("\\"").append(cell).append("\\"");
                    }
                    return line.toString();
                }
            }
            """;

    static final String MONEY = """
            package com.acme;

            /** An amount in cents. */
            public class Money implements Comparable<Money> {

                private final long cents;

                public Money(long cents) {
                    this.cents = cents;
                }

                /** Orders by amount. */
                public int compareTo(Money other) {
                    return Long.compare(cents, other.cents);
                }

                public String toString() {
                    return cents / 100 + "." + cents % 100;
                }
            }
            """;

    static final String SETTINGS = """
            package com.acme;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Settings {

                public String read(Path file) {
                    try {
                        return Files.readString(file);
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
                    }
                }

                public int port(String value) {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new SettingException("not a port: " + value);
                    }
                }

                static class SettingException extends RuntimeException {

                    SettingException(String message) {
                        super(message);
                    }

                    SettingException(String message, Throwable cause) {
                        super(message, cause);
                    }
                }
            }
            """;

    static final String GREETER = """
            package com.acme;

            public class Greeter {

                public String greet(String name) {
                    return salute(name, 3) + "!";
                }

                public String greetAll(String first, String second) {
                    return salute(first, 1) + " " + salute(second, 2);
                }

                /**
                 * The greeting.
                 *
                 * @param name  who is greeted
                 * @param times how often; once used
                 *              and no longer
                 * @return the text
                 */
                private String salute(String name, int times) {
                    return "Hello, " + name;
                }
            }
            """;

    /** CRLF line breaks and no newline at the end of the file. */
    static final String LEGACY = ("""
            package com.acme;

            import java.util.Map;

            public class Legacy {

                public void release(AutoCloseable resource) {
                    try {
                        resource.close();
                    } catch (Exception e) {
                    }
                }
            }""").replace("\n", "\r\n");

    static final String BROKEN = "package com.acme;\n\npublic class Broken {\n    void oops( {\n}\n";

    private FixtureProject() {
    }

    /** Writes every source, commits it, and returns the root. */
    static Path create(Path root) throws Exception {
        write(root, SRC + "Inventory.java", INVENTORY);
        write(root, SRC + "Labels.java", LABELS);
        write(root, SRC + "Timer.java", TIMER);
        write(root, SRC + "Catalog.java", CATALOG);
        write(root, SRC + "Parser.java", PARSER);
        write(root, SRC + "Fallback.java", FALLBACK);
        write(root, SRC + "Report.java", REPORT);
        write(root, SRC + "Listing.java", LISTING);
        write(root, SRC + "Summary.java", SUMMARY);
        write(root, SRC + "Rules.java", RULES);
        write(root, SRC + "Checks.java", CHECKS);
        write(root, SRC + "Streams.java", STREAMS);
        write(root, SRC + "Closer.java", CLOSER);
        write(root, SRC + "FirstLine.java", FIRST_LINE);
        write(root, SRC + "Legacy.java", LEGACY);
        write(root, SRC + "Csv.java", CSV);
        write(root, SRC + "Money.java", MONEY);
        write(root, SRC + "Settings.java", SETTINGS);
        write(root, SRC + "Greeter.java", GREETER);
        // kept out of the compiled sources
        write(root, "broken/Broken.java", BROKEN);
        Files.createDirectories(root.resolve("assets"));
        Files.write(root.resolve("assets/Logo.java"), new byte[]{'P', 'N', 'G', 0, 0, 1, 2, '\n'});
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            // CRLF must reach the repository as written
            git.getRepository().getConfig().setString("core", null, "autocrlf", "false");
            git.getRepository().getConfig().save();
            git.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Fixture", "fixture@example.org",
                    Date.from(Instant.parse("2026-11-01T10:00:00Z")), TimeZone.getTimeZone("UTC"));
            git.commit().setMessage("Planted findings").setAuthor(ident).setCommitter(ident).call();
        }
        return root;
    }

    static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Runs the real git binary in the repository with the text on standard input. */
    static GitResult git(Path root, String stdin, String... arguments) throws Exception {
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

    record GitResult(int exitCode, String output) {
    }

    /** Compiles every source under src/main/java; returns the errors, empty when it compiled. */
    static String compileErrors(Path root, Path classes) throws IOException {
        return ImplementationFixture.compileErrors(root, classes);
    }
}
