package dev.autocoder.workers.implementation.patch;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.patch.FixtureProject.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mechanical fix on a real committed project: the finding comes from a real PMD run with the curated ruleset,
 * the proposed diff is checked by the real {@code git apply --check}, applied with {@code git apply}, the whole
 * project is compiled with the JDK's compiler, and PMD no longer reports the finding. The patched file is
 * compared in full, so formatting outside the edit is proven unchanged.
 */
class MechanicalFixesTest {

    private static final PmdEngine PMD = new PmdEngine(PmdRulesets.curated(), 1);

    @TempDir
    static Path pristine;
    private static List<PmdViolation> findings;

    @TempDir
    Path root;
    @TempDir
    Path classes;

    private final MechanicalFixes fixes = new MechanicalFixes(new PatchVerifier());

    /** The fixture is the same for every test: PMD runs on it, and it is checked to compile, once. */
    @BeforeAll
    static void runPmdOnTheFixture(@TempDir Path pristineClasses) throws Exception {
        FixtureProject.create(pristine);
        assertThat(FixtureProject.compileErrors(pristine, pristineClasses)).isEmpty();
        findings = PMD.analyze(TestSnapshots.of(pristine)).violations();
    }

    @BeforeEach
    void createFixture() throws Exception {
        FixtureProject.create(root);
    }

    @Test
    void removesAnUnusedPrivateFieldWithItsCommentAndItsAssignment() throws Exception {
        ProposedPatch patch = fixAndCheck("Inventory.java", "UnusedPrivateField", 0);

        assertThat(patch.description()).isEqualTo("Remove the unused private field `capacity` and the assignment to it.");
        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                import java.util.ArrayList;
                import java.util.List;

                /** Keeps the items of a store. */
                public class Inventory {

                    private final List<String> items = new ArrayList<>();

                    public Inventory(int capacity) {
                    }

                    /** Adds an item. */
                    public void add(String item) {
                        items.add(item);
                    }

                    public int size() {
                        return items.size();
                    }
                }
                """);
    }

    @Test
    void removesAnUnusedLocalVariableWhoseInitializerHasNoSideEffects() throws Exception {
        ProposedPatch patch = fixAndCheck("Labels.java", "UnusedLocalVariable", 0);

        assertThat(patch.description()).isEqualTo("Remove the unused local variable `label`.");
        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                public class Labels {

                    public int sum(int[] values) {
                        int sum = 0;
                        for (int value : values) {
                            sum += value;
                        }
                        return sum;
                    }
                }
                """);
    }

    @Test
    void removesAnUnnecessaryImportWithAMinimalDiff() throws Exception {
        ProposedPatch patch = fixAndCheck("Catalog.java", "UnnecessaryImport", 0);

        assertThat(patch.description()).isEqualTo("Remove the unnecessary import `java.util.Map`.");
        assertThat(patch.unifiedDiff()).isEqualTo("""
                --- a/src/main/java/com/acme/Catalog.java
                +++ b/src/main/java/com/acme/Catalog.java
                @@ -1,7 +1,6 @@
                 package com.acme;
                \s
                 import java.util.List;
                -import java.util.Map;
                 import java.util.Set;
                \s
                 /** Names in a catalog. */
                """);
        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.CATALOG.replace("import java.util.Map;\n", ""));
    }

    @Test
    void logsTheExceptionOfAnEmptyCatchBlock() throws Exception {
        ProposedPatch patch = fixAndCheck("Parser.java", "EmptyCatchBlock", 0);

        assertThat(patch.description())
                .isEqualTo("Log the ignored NumberFormatException at WARNING with the JDK's System.Logger instead of swallowing it silently.");
        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                public class Parser {

                    public int parse(String value) {
                        try {
                            return Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            System.getLogger(Parser.class.getName()).log(System.Logger.Level.WARNING, "Ignored NumberFormatException in parse", e);
                        }
                        return -1;
                    }
                }
                """);
    }

    /** A comment says the exception is let go on purpose; an interrupt needs a decision about the work around it. */
    @Test
    void declinesACommentedEmptyCatchBlockAndAnIgnoredInterrupt() throws Exception {
        PmdViolation commented = finding("Fallback.java", "EmptyCatchBlock", 0);
        PmdViolation interrupt = finding("Fallback.java", "EmptyCatchBlock", 1);

        assertThat(fixes.propose(root, SRC + "Fallback.java", "EmptyCatchBlock", commented.beginLine(), commented.endLine())
                .reason()).isEqualTo("the catch block's comment says the exception is let go on purpose");
        assertThat(fixes.propose(root, SRC + "Fallback.java", "EmptyCatchBlock", interrupt.beginLine(), interrupt.endLine())
                .reason()).isEqualTo("an ignored interrupt needs a decision, not a log line: restore the interrupt flag "
                        + "or end the work");
    }

    @Test
    void buildsAStringWithAStringBuilderInsteadOfConcatenatingInALoop() throws Exception {
        ProposedPatch patch = fixAndCheck("Report.java", "UseStringBufferForStringAppends", 0);

        assertThat(patch.description()).isEqualTo("Build `text` with a StringBuilder: append instead of string "
                + "concatenation, and `text.toString()` where the text is read.");
        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                import java.util.List;

                public class Report {

                    public String describe(List<String> items) {
                        StringBuilder text = new StringBuilder();
                        for (String item : items) {
                            text.append(item).append(", ");
                        }
                        return text.toString();
                    }
                }
                """);
    }

    @Test
    void rewritesSelfConcatenationIntoAppendsAndKeepsLengthOnTheBuilder() throws Exception {
        ProposedPatch patch = fixAndCheck("Listing.java", "UseStringBufferForStringAppends", 0);

        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                import java.util.List;

                public class Listing {

                    public String lines(List<String> items) {
                        StringBuilder text = new StringBuilder("Items:");
                        for (int i = 0; i < items.size(); i++) {
                            text.append("\\n").append(i).append(". ").append(items.get(i));
                            if (text.length() > 1000) {
                                break;
                            }
                        }
                        return text.toString();
                    }
                }
                """);
    }

    /** A value that cannot be null starts the builder as it is, and an appended operand loses its parentheses. */
    @Test
    void startsTheBuilderWithAValueThatCannotBeNullAndAppendsWithoutParentheses() throws Exception {
        ProposedPatch patch = fixAndCheck("Summary.java", "UseStringBufferForStringAppends", 0);

        assertThat(patch.patchedCode()).contains(
                "StringBuilder text = new StringBuilder(items.isEmpty() ? \"none\" : items.size() + \" items\");",
                "text.append(verbose ? item : item.substring(0, 1)).append(\";\");");
    }

    @Test
    void returnsTheConditionOfAnIfElseReturningBooleans() throws Exception {
        ProposedPatch patch = fixAndCheck("Rules.java", "SimplifyBooleanReturns", 0);

        assertThat(patch.description()).isEqualTo("Return the condition directly: `return age >= 18;`.");
        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                public class Rules {

                    /** Whether the person may vote. */
                    public boolean isAdult(int age) {
                        return age >= 18;
                    }
                }
                """);
    }

    @Test
    void returnsTheNegatedConditionWhenTheIfReturnsFalse() throws Exception {
        ProposedPatch patch = fixAndCheck("Checks.java", "SimplifyBooleanReturns", 0);

        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.CHECKS.replace("""
                        if (name.isEmpty())
                            return false;
                        else
                            return true;
                """, """
                        return !name.isEmpty();
                """));
    }

    @Test
    void foldsAnIfWithoutElseAndTheReturnAfterIt() throws Exception {
        ProposedPatch patch = fixAndCheck("Checks.java", "SimplifyBooleanReturns", 1);

        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.CHECKS.replace("""
                        if (a == b) {
                            return false;
                        }
                        return true;
                """, """
                        return a != b;
                """));
    }

    @Test
    void movesAStreamClosedInFinallyIntoTryWithResources() throws Exception {
        ProposedPatch patch = fixAndCheck("Streams.java", "UseTryWithResources", 0);

        assertThat(patch.description()).isEqualTo("Close `in` with try-with-resources instead of in a finally block.");
        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.STREAMS.replace("""
                        InputStream in = new FileInputStream(file);
                        try {
                            return in.read();
                        } finally {
                            in.close();
                        }
                """, """
                        try (InputStream in = new FileInputStream(file)) {
                            return in.read();
                        }
                """));
    }

    @Test
    void opensANullInitializedStreamInTheResourceHeaderAndKeepsTheCatch() throws Exception {
        ProposedPatch patch = fixAndCheck("Closer.java", "UseTryWithResources", 0);

        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                import java.io.File;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;

                public class Closer {

                    public int secondByte(File file) {
                        try (InputStream in = new FileInputStream(file)) {
                            in.read();
                            return in.read();
                        } catch (IOException e) {
                            return -1;
                        }
                    }
                }
                """);
    }

    @Test
    void wrapsTheUsesOfAStreamThatIsNeverClosed() throws Exception {
        ProposedPatch patch = fixAndCheck("FirstLine.java", "CloseResource", 0);

        assertThat(patch.description()).isEqualTo("Open `reader` in a try-with-resources statement so it is closed (it was never closed).");
        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.FIRST_LINE.replace("""
                        BufferedReader reader = new BufferedReader(new FileReader(file));
                        String line = reader.readLine();
                        return line == null ? "" : line.strip();
                """, """
                        try (BufferedReader reader = new BufferedReader(new FileReader(file))) {
                            String line = reader.readLine();
                            return line == null ? "" : line.strip();
                        }
                """));
    }

    @Test
    void keepsCrlfLineBreaksAndTheMissingNewlineAtTheEnd() throws Exception {
        ProposedPatch patch = fixAndCheck("Legacy.java", "EmptyCatchBlock", 0);

        assertThat(patch.unifiedDiff()).isEqualTo(String.join("\n",
                "--- a/src/main/java/com/acme/Legacy.java",
                "+++ b/src/main/java/com/acme/Legacy.java",
                "@@ -8,6 +8,7 @@",
                "         try {\r",
                "             resource.close();\r",
                "         } catch (Exception e) {\r",
                "+            System.getLogger(Legacy.class.getName()).log(System.Logger.Level.WARNING, \"Ignored Exception in release\", e);\r",
                "         }\r",
                "     }\r",
                " }",
                "\\ No newline at end of file",
                ""));
        assertThat(patch.patchedCode()).doesNotEndWith("\n").doesNotContain("}\n").contains("e);\r\n");
    }

    @Test
    void removesAnImportFromACrlfFile() throws Exception {
        ProposedPatch patch = fixAndCheck("Legacy.java", "UnnecessaryImport", 0);

        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.LEGACY.replace("import java.util.Map;\r\n\r\n", ""));
    }

    @Test
    void doesNotRemoveALocalWhoseInitializerMayHaveSideEffects() {
        PmdViolation finding = finding("Timer.java", "UnusedLocalVariable", 0);

        FixOutcome outcome = fixes.propose(root, SRC + "Timer.java", finding.rule(), finding.beginLine(), finding.endLine());

        assertThat(outcome.fixable()).isFalse();
        assertThat(outcome.reason()).isEqualTo("the initializer `System.nanoTime()` of `started` may have side effects, "
                + "so removing the declaration could change behaviour; keep the expression as a statement of its own or "
                + "remove it by hand");
    }

    @Test
    void explainsUnfixableInputWithoutThrowingOrTouchingTheFiles() throws Exception {
        assertThat(fixes.propose(root, "broken/Broken.java", "UnusedLocalVariable", 4, 4).reason())
                .startsWith("cannot parse broken/Broken.java: line 4");
        assertThat(fixes.propose(root, SRC + "Catalog.java", "EmptyCatchBlock", 3, 3).reason())
                .isEqualTo("no catch clause at line 3");
        assertThat(fixes.propose(root, SRC + "Catalog.java", "UnusedPrivateField", 10, null).reason())
                .isEqualTo("no private field is declared at line 10");
        assertThat(fixes.propose(root, SRC + "Catalog.java", "UnnecessaryImport", 99, 99).reason())
                .isEqualTo("line 99 is not in src/main/java/com/acme/Catalog.java (13 lines)");
        assertThat(fixes.propose(root, SRC + "Missing.java", "UnnecessaryImport", 1, 1).reason())
                .isEqualTo("src/main/java/com/acme/Missing.java does not exist in the repository");
        assertThat(fixes.propose(root, "assets/Logo.java", "UnnecessaryImport", 1, 1).reason())
                .isEqualTo("assets/Logo.java is a binary file");
        assertThat(fixes.propose(root, "../outside/Evil.java", "UnnecessaryImport", 1, 1).reason())
                .isEqualTo("the path ../outside/Evil.java is not inside the repository");
        assertThat(fixes.propose(root, SRC + "Catalog.java", "GodClass", 1, 1).reason())
                .isEqualTo("no mechanical fix for GodClass");
        assertThat(fixes.propose(root, "pom.xml", "UnnecessaryImport", 1, 1).reason())
                .isEqualTo("pom.xml is not a Java source file");

        assertThat(FixtureProject.git(root, "", "status", "--porcelain").output()).isEmpty();
    }

    @Test
    void tellsAFieldFromAParameterOrLocalOfTheSameNameAndKeepsOtherDeclarators() throws Exception {
        FixtureProject.write(root, SRC + "Counter.java", """
                package com.acme;

                public class Counter {

                    private int total, count;

                    public Counter(int count) {
                        this.count = count;
                        total = 1;
                    }

                    public int next() {
                        int count = total + 1;
                        return count;
                    }
                }
                """);

        FixOutcome outcome = fixes.propose(root, SRC + "Counter.java", "UnusedPrivateField", 5, 5);

        assertThat(outcome.reason()).isNull();
        assertThat(outcome.patch().patchedCode()).contains("""
                    private int total;

                    public Counter(int count) {
                        total = 1;
                    }
                """);
        assertThat(outcome.patch().verification().ok()).isTrue();
        FixtureProject.git(root, outcome.patch().unifiedDiff(), "apply", "-");
        assertThat(FixtureProject.compileErrors(root, classes)).isEmpty();
    }

    @Test
    void leavesCodeItCannotChangeSafelyWithTheReason() throws Exception {
        FixtureProject.write(root, SRC + "Risky.java", """
                package com.acme;

                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;

                public class Risky {

                    private final String name = System.getenv("NAME");

                    public String join(String text, String[] parts) {
                        for (String part : parts) {
                            text += part;
                        }
                        return text;
                    }

                    public InputStream open(String path) throws IOException {
                        InputStream in = new FileInputStream(path);
                        in.skip(1);
                        return in;
                    }

                    public boolean ok(int value) {
                        if (value > 0) {
                            // positive values are fine
                            return true;
                        }
                        return false;
                    }
                }
                """);

        assertThat(fixes.propose(root, SRC + "Risky.java", "UnusedPrivateField", 9, 9).reason())
                .isEqualTo("the initializer `System.getenv(\"NAME\")` of `name` may have side effects, so removing the "
                        + "declaration could change behaviour; keep the expression as a statement of its own or remove it by hand");
        assertThat(fixes.propose(root, SRC + "Risky.java", "UseStringBufferForStringAppends", 13, 13).reason())
                .isEqualTo("`text` is not a local variable of this block (a field or a parameter: its type is part of an API), "
                        + "so it is not changed here");
        assertThat(fixes.propose(root, SRC + "Risky.java", "CloseResource", 19, 19).reason())
                .isEqualTo("`in` is passed on or stored at line 21; whether it may be closed at the end of the block is left to a person");
        assertThat(fixes.propose(root, SRC + "Risky.java", "SimplifyBooleanReturns", 25, 28).reason())
                .isEqualTo("the if statement holds comments that a one-line return would lose");
    }

    /** Guava's Closer idiom: the stream is handed to the closer that closes it in the finally block. */
    @Test
    void leavesAStreamOpenedInsideTheCallItWasHandedTo() throws Exception {
        FixtureProject.write(root, SRC + "Registered.java", """
                package com.acme;

                import java.io.Closeable;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.util.ArrayDeque;
                import java.util.Deque;

                public class Registered {

                    static final class Closer implements Closeable {
                        private final Deque<Closeable> stack = new ArrayDeque<>();

                        <C extends Closeable> C register(C closeable) {
                            stack.push(closeable);
                            return closeable;
                        }

                        @Override
                        public void close() throws IOException {
                            while (!stack.isEmpty()) {
                                stack.pop().close();
                            }
                        }
                    }

                    public int first(String path) throws IOException {
                        Closer closer = new Closer();
                        try {
                            InputStream in = closer.register(new FileInputStream(path));
                            return in.read();
                        } finally {
                            closer.close();
                        }
                    }
                }
                """);

        assertThat(fixes.propose(root, SRC + "Registered.java", "CloseResource", 31, 31).reason())
                .isEqualTo("`in` is opened inside `register(..)`, which was handed the stream and may close it; whether "
                        + "it may be closed here is left to a person");
    }

    /** Only a stream handed to the call is refused: a call that opens the stream from a computed path is wrapped. */
    @Test
    void wrapsAStreamOpenedFromAComputedPath() throws Exception {
        FixtureProject.write(root, SRC + "Resolved.java", """
                package com.acme;

                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Resolved {

                    public int first(Path base, String name) throws IOException {
                        InputStream in = Files.newInputStream(base.resolve(name));
                        return in.read();
                    }
                }
                """);

        FixOutcome outcome = fixes.propose(root, SRC + "Resolved.java", "CloseResource", 11, 11);

        assertThat(outcome.reason()).isNull();
        assertThat(outcome.patch().patchedCode()).contains("""
                        try (InputStream in = Files.newInputStream(base.resolve(name))) {
                            return in.read();
                        }
                """);
        FixtureProject.git(root, outcome.patch().unifiedDiff(), "apply", "-");
        assertThat(FixtureProject.compileErrors(root, classes)).isEmpty();
    }

    @Test
    void namesTheJdkSystemInFullWhenTheFileHasItsOwnSystemType() throws Exception {
        FixtureProject.write(root, SRC + "Shadow.java", """
                package com.acme;

                public class Shadow {

                    static class System {
                    }

                    void run(Runnable task) {
                        try {
                            task.run();
                        } catch (IllegalStateException e) {
                        }
                    }
                }
                """);

        FixOutcome outcome = fixes.propose(root, SRC + "Shadow.java", "EmptyCatchBlock", 11, 12);

        assertThat(outcome.patch().patchedCode()).contains("            java.lang.System.getLogger(Shadow.class.getName())"
                + ".log(java.lang.System.Logger.Level.WARNING, \"Ignored IllegalStateException in run\", e);\n");
        FixtureProject.git(root, outcome.patch().unifiedDiff(), "apply", "-");
        assertThat(FixtureProject.compileErrors(root, classes)).isEmpty();
    }

    @Test
    void appendsSingleCharactersAsCharsOnAStringBuilder() throws Exception {
        ProposedPatch comma = fixAndCheck("Csv.java", "AppendCharacterWithChar", 0);

        assertThat(comma.description()).isEqualTo("Append the character `','` as a char instead of a one-character string.");
        assertThat(comma.unifiedDiff()).contains("-                line.append(\",\");\n+                line.append(',');\n");
        assertThat(comma.patchedCode()).isEqualTo(FixtureProject.CSV.replace("line.append(\",\")", "line.append(',')"));
    }

    @Test
    void changesEveryOneCharacterAppendOnTheLineOfAKnownBuilder() throws Exception {
        PmdViolation quote = finding("Csv.java", "AppendCharacterWithChar", 1);

        FixOutcome outcome = fixes.propose(root, SRC + "Csv.java", quote.rule(), quote.beginLine(), quote.endLine());

        assertThat(outcome.reason()).isNull();
        assertThat(outcome.patch().description())
                .isEqualTo("Append the 2 single characters at line 13 as chars instead of one-character strings.");
        assertThat(outcome.patch().patchedCode()).contains("            line.append('\"').append(cell).append('\"');\n");
        applyCompileAndRecheck(outcome.patch(), "Csv.java", "AppendCharacterWithChar", 2);
    }

    @Test
    void leavesAppendsOfUnknownReceiversAlone() throws Exception {
        FixtureProject.write(root, SRC + "Joiner.java", """
                package com.acme;

                import java.io.IOException;

                public class Joiner {

                    public void separate(Appendable out, StringBuilder text) throws IOException {
                        text.append(","); out.append(",");
                    }
                }
                """);

        assertThat(fixes.propose(root, SRC + "Joiner.java", "AppendCharacterWithChar", 8, 8).reason())
                .isEqualTo("several appends of one-character strings are at line 8 and not every receiver is known "
                        + "to be a StringBuilder or StringBuffer");
    }

    @Test
    void annotatesAMethodThatImplementsAnInterfaceWithOverride() throws Exception {
        ProposedPatch patch = fixAndCheck("Money.java", "MissingOverride", 0);

        assertThat(patch.description()).isEqualTo("Annotate `public int compareTo(Money other)` with @Override.");
        assertThat(patch.unifiedDiff()).isEqualTo("""
                --- a/src/main/java/com/acme/Money.java
                +++ b/src/main/java/com/acme/Money.java
                @@ -10,6 +10,7 @@
                     }
                \s
                     /** Orders by amount. */
                +    @Override
                     public int compareTo(Money other) {
                         return Long.compare(cents, other.cents);
                     }
                """);
    }

    @Test
    void annotatesAMethodThatOverridesObjectWithOverride() throws Exception {
        ProposedPatch patch = fixAndCheck("Money.java", "MissingOverride", 1);

        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.MONEY.replace(
                "    public String toString() {", "    @Override\n    public String toString() {"));
    }

    @Test
    void doesNotAnnotateAMethodTwice() throws Exception {
        FixtureProject.write(root, SRC + "Named.java", """
                package com.acme;

                public class Named {

                    @Override
                    public String toString() {
                        return "named";
                    }
                }
                """);

        assertThat(fixes.propose(root, SRC + "Named.java", "MissingOverride", 5, 8).reason())
                .isEqualTo("`toString` is already annotated with @Override");
    }

    @Test
    void passesTheCaughtExceptionAsTheCauseOfAJdkException() throws Exception {
        ProposedPatch patch = fixAndCheck("Settings.java", "PreserveStackTrace", 0);

        assertThat(patch.description())
                .isEqualTo("Pass the caught `e` as the cause of the new IllegalStateException so its stack trace is kept.");
        assertThat(patch.unifiedDiff()).contains("""
                -            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
                +            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
                """);
    }

    @Test
    void passesTheCauseToAnExceptionOfTheFileWithAMessageAndCauseConstructor() throws Exception {
        ProposedPatch patch = fixAndCheck("Settings.java", "PreserveStackTrace", 1);

        assertThat(patch.patchedCode()).isEqualTo(FixtureProject.SETTINGS.replace(
                "throw new SettingException(\"not a port: \" + value);",
                "throw new SettingException(\"not a port: \" + value, e);"));
    }

    @Test
    void doesNotGuessTheConstructorsOfAnExceptionDeclaredElsewhere() throws Exception {
        FixtureProject.write(root, SRC + "Loader.java", """
                package com.acme;

                public class Loader {

                    public Object load(String name) {
                        try {
                            return Class.forName(name).getConstructor().newInstance();
                        } catch (ReflectiveOperationException e) {
                            throw new LoadFailure("cannot load " + name);
                        }
                    }
                }
                """);
        FixtureProject.write(root, SRC + "LoadFailure.java", """
                package com.acme;

                public class LoadFailure extends RuntimeException {

                    public LoadFailure(String message) {
                        super(message);
                    }
                }
                """);

        assertThat(fixes.propose(root, SRC + "Loader.java", "PreserveStackTrace", 9, 9).reason())
                .isEqualTo("`LoadFailure` is not known to have a constructor taking a message and a cause; check its constructors by hand");
    }

    @Test
    void removesAnUnusedParameterOfAPrivateMethodWithItsArgumentsAndItsJavadocTag() throws Exception {
        ProposedPatch patch = fixAndCheck("Greeter.java", "UnusedFormalParameter", 0);

        assertThat(patch.description()).isEqualTo("Remove the unused parameter `times` of the private method `salute` "
                + "and the argument its 3 calls pass for it.");
        assertThat(patch.patchedCode()).isEqualTo("""
                package com.acme;

                public class Greeter {

                    public String greet(String name) {
                        return salute(name) + "!";
                    }

                    public String greetAll(String first, String second) {
                        return salute(first) + " " + salute(second);
                    }

                    /**
                     * The greeting.
                     *
                     * @param name  who is greeted
                     * @return the text
                     */
                    private String salute(String name) {
                        return "Hello, " + name;
                    }
                }
                """);
    }

    @Test
    void keepsAParameterWhoseArgumentMayHaveSideEffectsOrThatCallersOutsideTheFileSee() throws Exception {
        FixtureProject.write(root, SRC + "Ticker.java", """
                package com.acme;

                public class Ticker {

                    private int ticks;

                    public String tick() {
                        return label(ticks++);
                    }

                    private String label(int count) {
                        return "tick";
                    }

                    public String name(String prefix) {
                        return "ticker";
                    }
                }
                """);

        assertThat(fixes.propose(root, SRC + "Ticker.java", "UnusedFormalParameter", 11, 11).reason())
                .isEqualTo("a call of `label` passes `ticks++` for `count`, which may have side effects; dropping it could change behaviour");
        assertThat(fixes.propose(root, SRC + "Ticker.java", "UnusedFormalParameter", 15, 15).reason())
                .isEqualTo("`name` is not private: callers outside this file may pass the parameter");
    }

    @Test
    void answersTheRulesItFixes() {
        assertThat(fixes.rules()).containsExactlyInAnyOrder("UnusedPrivateField", "UnusedLocalVariable",
                "UnnecessaryImport", "UnusedImports", "EmptyCatchBlock", "UseStringBufferForStringAppends",
                "SimplifyBooleanReturns", "UseTryWithResources", "CloseResource", "AppendCharacterWithChar",
                "MissingOverride", "PreserveStackTrace", "UnusedFormalParameter");
        assertThat(fixes.supports("MissingOverride")).isTrue();
        assertThat(fixes.supports("GodClass")).isFalse();
    }

    /**
     * Proposes the fix for the n-th PMD finding of the rule in the file and checks it end to end: verified, accepted
     * by git apply --check, applied by git to exactly the proposed code, the project compiles, PMD reports one
     * finding of the rule fewer in that file.
     */
    private ProposedPatch fixAndCheck(String file, String rule, int index) throws Exception {
        PmdViolation finding = finding(file, rule, index);
        String path = SRC + file;

        FixOutcome outcome = fixes.propose(root, path, rule, finding.beginLine(), finding.endLine());

        assertThat(outcome.reason()).isNull();
        ProposedPatch patch = outcome.patch();
        assertThat(patch.file()).isEqualTo(path);
        assertThat(patch.rule()).isEqualTo(rule);
        assertThat(patch.verification().applies()).as(patch.verification().detail()).isTrue();
        assertThat(patch.verification().parses()).as(patch.verification().detail()).isTrue();
        assertThat(patch.unifiedDiff()).startsWith("--- a/" + path + "\n+++ b/" + path + "\n@@ -");

        applyCompileAndRecheck(patch, file, rule, 1);
        return patch;
    }

    /**
     * git apply --check accepts the diff, git apply writes exactly the proposed code, the project compiles, and PMD
     * reports that many findings of the rule fewer in the file (and no new one).
     */
    private void applyCompileAndRecheck(ProposedPatch patch, String file, String rule, int fixed) throws Exception {
        String path = SRC + file;
        FixtureProject.GitResult check = FixtureProject.git(root, patch.unifiedDiff(), "apply", "--check", "-");
        assertThat(check.exitCode()).as(check.output()).isZero();
        FixtureProject.GitResult apply = FixtureProject.git(root, patch.unifiedDiff(), "apply", "-");
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(Files.readString(root.resolve(path), StandardCharsets.UTF_8)).isEqualTo(patch.patchedCode());
        assertThat(FixtureProject.compileErrors(root, classes)).isEmpty();

        long before = count(findings, file, rule);
        long after = count(PMD.analyze(TestSnapshots.of(root)).violations(), file, rule);
        assertThat(after).isEqualTo(before - fixed);
    }

    private static PmdViolation finding(String file, String rule, int index) {
        List<PmdViolation> matching = findings.stream()
                .filter(v -> v.path().equals(SRC + file) && v.rule().equals(rule))
                .toList();
        assertThat(matching).as("PMD findings of " + rule + " in " + file).hasSizeGreaterThan(index);
        return matching.get(index);
    }

    private static long count(List<PmdViolation> violations, String file, String rule) {
        return violations.stream().filter(v -> v.path().equals(SRC + file) && v.rule().equals(rule)).count();
    }
}
