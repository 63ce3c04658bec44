package dev.autocoder.workers.implementation.patch;

import dev.autocoder.workers.python.RuffDiagnostic;
import dev.autocoder.workers.python.RuffFixTable;
import dev.autocoder.workers.python.RuffFixer;
import dev.autocoder.workers.python.RuffSettings;
import dev.autocoder.workers.row.Plural;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mechanical patches for ruff findings in Python files, from ruff's own safe fix restricted to the finding's rule
 * and file ({@link RuffFixer}), verified like the Java patches: the diff applies to the file at HEAD, the patched
 * file passes {@code python -m py_compile}, and ruff run on it no longer reports the finding. Only rules whose fix
 * {@link RuffFixTable} lists as safe are tried.
 */
final class PythonPatches {

    private final PatchVerifier verifier;
    private final RuffFixer fixer;
    private final RuffFixTable table;
    /**
     * Outcomes by rule, path, line, settings and file content: each stage of a cycle asks again, and one outcome
     * costs three processes (ruff's fix, py_compile, ruff's check).
     */
    private final Map<String, FixOutcome> outcomes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FixOutcome> eldest) {
            return size() > 64;
        }
    };

    PythonPatches(PatchVerifier verifier, RuffFixer fixer, RuffFixTable table) {
        this.verifier = verifier;
        this.fixer = fixer;
        this.table = table;
    }

    boolean supports(String rule, String file) {
        return table.safeOn(rule, file);
    }

    FixOutcome propose(Path repositoryRoot, String file, String rule, int line) {
        if (!table.hasSafeFix(rule)) {
            return FixOutcome.notFixable(switch (table.fix(rule)) {
                case UNSAFE -> "ruff's fix for " + rule + " may change behaviour (not a safe fix), so it is not applied";
                default -> "ruff has no fix for " + rule;
            });
        }
        if (!table.safeOn(rule, file)) {
            return FixOutcome.notFixable("ruff's fix for " + rule + " is not applied in " + file
                    + " (python/ruff-fixes.tsv)");
        }
        if (fixer == null) {
            return FixOutcome.notFixable("no ruff is configured for fixes");
        }
        RepositoryFiles.Read read = RepositoryFiles.read(repositoryRoot, file);
        if (!read.ok()) {
            return FixOutcome.notFixable(read.problem());
        }
        String original = read.text();
        List<String> lines = GitTextLines.lines(original);
        if (line < 1 || line > lines.size()) {
            return FixOutcome.notFixable("line " + line + " is not in " + file + " (" + Plural.of(lines.size(), "line") + ")");
        }
        RuffSettings settings = RuffSettings.of(repositoryRoot);
        String key = rule + '\u0000' + file + '\u0000' + line + '\u0000' + String.join(" ", settings.select())
                + settings.lineLength() + settings.targetVersion() + '\u0000' + sha256(original);
        synchronized (outcomes) {
            FixOutcome known = outcomes.get(key);
            if (known != null) {
                return known;
            }
        }
        FixOutcome outcome = fixed(repositoryRoot, file, rule, original, lines.get(line - 1), settings);
        synchronized (outcomes) {
            outcomes.put(key, outcome);
        }
        return outcome;
    }

    private FixOutcome fixed(Path repositoryRoot, String file, String rule, String original, String findingLine,
                             RuffSettings settings) {
        RuffFixer.Diff ruffDiff = fixer.fixDiff(file, original, rule, settings);
        if (!ruffDiff.ok()) {
            return FixOutcome.notFixable("ruff could not fix it: " + ruffDiff.problem());
        }
        if (ruffDiff.diff().isBlank()) {
            return FixOutcome.notFixable("ruff has no safe fix for this " + rule + " finding");
        }
        String diff = withGitHeaders(ruffDiff.diff(), file);
        AppliedPatch applied = verifier.apply(repositoryRoot, diff);
        String patched = applied.patchedFiles().get(file);
        String description = "Applies ruff's own safe fix for " + rule + " in " + file
                + " (`ruff check --fix --select " + rule + "`)" + table.edit(rule).map(e -> ": " + e).orElse("") + ".";
        if (!applied.verification().applies() || patched == null) {
            return FixOutcome.fixed(new ProposedPatch(file, rule, description, diff, patched,
                    applied.verification()));
        }
        return FixOutcome.fixed(new ProposedPatch(file, rule, description, diff, patched,
                verify(repositoryRoot, file, rule, findingLine, patched, settings)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Compiles the patched file, checks that no other module imports a name the patch removes (ruff's F401 sees one
     * file, so a re-export looks unused), and asks ruff whether the finding is gone.
     */
    private PatchVerification verify(Path repositoryRoot, String file, String rule, String findingLine, String patched,
                                     RuffSettings settings) {
        Optional<String> compileProblem = fixer.compileProblem(file, patched);
        if (compileProblem.isPresent()) {
            return new PatchVerification(true, false, file + " does not compile after the patch (py_compile): "
                    + compileProblem.get());
        }
        List<String> reExports = fixer.reExportsRemoved(repositoryRoot, file, patched);
        if (!reExports.isEmpty()) {
            return new PatchVerification(true, false, "the patch removes a name other modules import from " + file
                    + " (a re-export, not unused): " + String.join("; ", reExports.subList(0, Math.min(3, reExports.size())))
                    + (reExports.size() > 3 ? "; and " + (reExports.size() - 3) + " more" : ""));
        }
        Optional<List<RuffDiagnostic>> after = fixer.check(file, patched, rule, settings);
        if (after.isEmpty()) {
            return new PatchVerification(true, false, "ruff could not check " + file + " after the patch");
        }
        String line = findingLine.strip();
        boolean stillThere = after.get().stream().anyMatch(d -> d.snippet() != null
                && d.snippet().lines().findFirst().map(String::strip).orElse("").equals(line));
        if (stillThere) {
            return new PatchVerification(true, false, "ruff still reports " + rule + " at `" + line + "` after the patch");
        }
        return new PatchVerification(true, true, "applies to the current " + file + ", the result compiles "
                + "(py_compile) and ruff no longer reports " + rule + " there");
    }

    /**
     * Ruff writes {@code --- path} / {@code +++ path} (relative to where it ran) and a blank line after each file;
     * the served diff has git's {@code a/} and {@code b/} headers, like the Java patches.
     */
    static String withGitHeaders(String ruffDiff, String file) {
        List<String> out = new ArrayList<>();
        List<String> lines = GitTextLines.lines(ruffDiff);
        for (int i = 0; i < lines.size(); i++) {
            String current = lines.get(i);
            if (current.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")) {
                out.add("--- a/" + file);
                out.add("+++ b/" + file);
                i++;
            } else {
                out.add(current);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out) + "\n";
    }
}
