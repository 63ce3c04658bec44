package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.autocoder.workers.python.RuffFixTable;
import dev.autocoder.workers.python.RuffFixer;
import dev.autocoder.workers.row.Plural;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a PMD finding into a patch when the fix is mechanical: the file is parsed with JavaParser (at the
 * level {@link JavaSource} uses), the syntax tree is edited with its formatting preserved
 * ({@link LexicalPreservingPrinter}: comments, blank lines and indentation outside the edit stay as they are), and
 * the change is written as a git-style unified diff (java-diff-utils), which {@link PatchVerifier} then applies to
 * the current file and parses again.
 * <p>
 * Rules with a fix: {@code UnusedPrivateField}, {@code UnusedLocalVariable}, {@code UnnecessaryImport} (and PMD 6's
 * {@code UnusedImports}), {@code EmptyCatchBlock}, {@code UseStringBufferForStringAppends},
 * {@code SimplifyBooleanReturns}, {@code UseTryWithResources} and {@code CloseResource}, and (chosen by their
 * main-code counts on the benchmark corpora, docs/implementation-engine.md) {@code AppendCharacterWithChar},
 * {@code MissingOverride}, {@code PreserveStackTrace} and {@code UnusedFormalParameter}. Each fix refuses code it
 * cannot change safely and says why. Nothing is thrown for bad input (unreadable, binary, unparseable file, a line
 * with no matching code): the outcome carries the reason.
 * <p>
 * A ruff finding in a Python file gets ruff's own safe fix for its rule ({@link PythonPatches}), for the rules
 * {@code python/ruff-fixes.tsv} lists as safe; an undefined name ({@code F821}) the project defines gets it
 * qualified or imported, and the positional arguments of {@code re.sub}/{@code re.split} ({@code B034}) keywords.
 */
@Component
public class MechanicalFixes {

    private final PatchVerifier verifier;
    /** The PMD rule each fix answers; one fix may answer several rules (PMD 6 and 7 names, related rules). */
    private final Map<String, MechanicalFix> fixesByRule;
    private final PythonPatches python;

    /** Java fixes only: Python findings get no patch (no ruff to fix them with). */
    public MechanicalFixes(PatchVerifier verifier) {
        this(verifier, null);
    }

    @Autowired
    public MechanicalFixes(PatchVerifier verifier, RuffFixer ruffFixer) {
        this.verifier = verifier;
        this.python = new PythonPatches(verifier, ruffFixer, RuffFixTable.shipped());
        MechanicalFix removeUnusedImport = new RemoveUnusedImport();
        MechanicalFix tryWithResources = new TryWithResources();
        fixesByRule = Map.ofEntries(
                Map.entry("UnusedPrivateField", new RemoveUnusedPrivateField()),
                Map.entry("UnusedLocalVariable", new RemoveUnusedLocalVariable()),
                Map.entry("UnnecessaryImport", removeUnusedImport),
                Map.entry("UnusedImports", removeUnusedImport),
                Map.entry("EmptyCatchBlock", new LogEmptyCatchBlock()),
                Map.entry("UseStringBufferForStringAppends", new StringBuilderInLoop()),
                Map.entry("SimplifyBooleanReturns", new SimplifyBooleanReturn()),
                Map.entry("UseTryWithResources", tryWithResources),
                Map.entry("CloseResource", tryWithResources),
                Map.entry("AppendCharacterWithChar", new AppendCharacterAsChar()),
                Map.entry("MissingOverride", new AddMissingOverride()),
                Map.entry("PreserveStackTrace", new ChainCauseOnRethrow()),
                Map.entry("UnusedFormalParameter", new RemoveUnusedParameter()));
    }

    /** Whether a finding of the rule in the file can get a mechanical patch: a PMD rule on Java, a safe ruff fix on Python. */
    public boolean supports(String rule, String file) {
        if (file != null && file.endsWith(".py")) {
            return python.supports(rule, file);
        }
        return (file == null || file.endsWith(".java")) && supports(rule);
    }

    /**
     * Whether {@link #propose} has something to say about a finding: a fix, or, for a ruff rule whose fix ruff marks
     * unsafe, why that fix is not applied (so the plan says so instead of "no mechanical fix").
     */
    public boolean answers(String rule, String file) {
        return supports(rule, file) || file != null && file.endsWith(".py")
                && RuffFixTable.shipped().fix(rule) == RuffFixTable.Fix.UNSAFE;
    }

    /** The PMD rule names that have a mechanical fix. */
    public Set<String> rules() {
        return Set.copyOf(fixesByRule.keySet());
    }

    /** Whether findings of the rule can get a mechanical patch (the task picker prefers those). */
    public boolean supports(String rule) {
        return fixesByRule.containsKey(rule);
    }

    /**
     * Proposes a patch for one finding.
     *
     * @param repositoryRoot the working tree (the content at HEAD)
     * @param file           repository-relative path of the Java file
     * @param rule           PMD rule name
     * @param line           first line of the finding, 1-based
     * @param endLine        last line of the finding; null for the same line
     */
    public FixOutcome propose(Path repositoryRoot, String file, String rule, int line, Integer endLine) {
        MechanicalFix fix = fixesByRule.get(rule);
        if (file != null && file.endsWith(".py")) {
            return python.propose(repositoryRoot, file, rule, line);
        }
        if (fix == null) {
            return FixOutcome.notFixable("no mechanical fix for " + rule);
        }
        if (file == null || !file.endsWith(".java")) {
            return FixOutcome.notFixable(file + " is not a Java source file");
        }
        RepositoryFiles.Read read = RepositoryFiles.read(repositoryRoot, file);
        if (!read.ok()) {
            return FixOutcome.notFixable(read.problem());
        }
        String original = read.text();
        int lines = GitTextLines.lines(original).size();
        if (line < 1 || line > lines) {
            return FixOutcome.notFixable("line " + line + " is not in " + file + " (" + Plural.of(lines, "line") + ")");
        }
        Edit edit = edit(fix, original, file, line, endLine);
        if (edit.notFixable() != null) {
            return FixOutcome.notFixable(edit.notFixable());
        }
        // the syntax tree is gone by now: a large file's tree and the verifier's parse are never in memory together
        String patched = edit.patched();
        if (patched.equals(original)) {
            return FixOutcome.notFixable("the edit changed nothing");
        }
        String diff = UnifiedDiffs.create(file, original, patched);
        return FixOutcome.fixed(new ProposedPatch(file, rule, edit.description(), diff, patched, verify(repositoryRoot, file, diff, patched)));
    }

    /** The fix applied to the file's syntax tree: what it did and the printed file, or why it could not be. */
    private record Edit(String description, String patched, String notFixable) {

        static Edit refused(String reason) {
            return new Edit(null, null, reason);
        }
    }

    private static Edit edit(MechanicalFix fix, String original, String file, int line, Integer endLine) {
        ParseResult<CompilationUnit> parsed = JavaSource.parse(original);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Edit.refused("cannot parse " + file + ": " + JavaSource.firstProblem(parsed));
        }
        try {
            CompilationUnit unit = LexicalPreservingPrinter.setup(parsed.getResult().get());
            String description = fix.apply(unit, FindingPlace.of(line, endLine));
            String patched = printed(original, LexicalPreservingPrinter.print(unit));
            return new Edit(description, patched, null);
        } catch (NotFixableException e) {
            return Edit.refused(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // JavaParser's printer has known gaps on unusual code; one finding must not stop the others
            return Edit.refused("the syntax tree edit failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The printed file with the original's line breaks and without the printer's leftover blank lines. */
    private static String printed(String original, String printed) {
        String text = GitTextLines.usesCrlf(original) ? GitTextLines.toCrlf(printed) : printed;
        return BlankLineTidy.tidy(original, text);
    }

    /** Applies the diff like any other and checks that it reproduces exactly the code this class printed. */
    private PatchVerification verify(Path repositoryRoot, String file, String diff, String patched) {
        AppliedPatch applied = verifier.apply(repositoryRoot, diff);
        PatchVerification verification = applied.verification();
        if (verification.applies() && !patched.equals(applied.patchedFiles().get(file))) {
            Optional<String> problem = JavaSource.problem(patched);
            return new PatchVerification(false, problem.isEmpty(),
                    "the diff applied to the current file does not reproduce the patched code");
        }
        return verification;
    }
}
