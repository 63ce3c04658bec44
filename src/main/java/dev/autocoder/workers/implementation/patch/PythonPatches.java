package dev.autocoder.workers.implementation.patch;

import dev.autocoder.workers.python.KeywordArguments;
import dev.autocoder.workers.python.RuffDiagnostic;
import dev.autocoder.workers.python.RuffFixTable;
import dev.autocoder.workers.python.RuffFixer;
import dev.autocoder.workers.python.RuffSettings;
import dev.autocoder.workers.python.UndefinedName;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical patches for ruff findings in Python files, from ruff's own safe fix restricted to the finding's rule
 * and file ({@link RuffFixer}), verified like the Java patches: the diff applies to the file at HEAD, the patched
 * file passes {@code python -m py_compile}, and ruff run on it no longer reports the finding. Only rules whose fix
 * {@link RuffFixTable} lists as safe are tried.
 */
final class PythonPatches {

    /** Pyflakes' undefined name: no ruff fix, but the project usually defines it (see {@link #definedName}). */
    private static final String UNDEFINED_NAME = "F821";
    private static final Pattern UNDEFINED = Pattern.compile("^Undefined name `([^`]+)`");
    /** Bugbear's positional arguments after the string of {@code re.sub}/{@code re.split}: no ruff fix either. */
    private static final String POSITIONAL_RE_ARGUMENTS = "B034";

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
        return UNDEFINED_NAME.equals(rule) || POSITIONAL_RE_ARGUMENTS.equals(rule) || table.safeOn(rule, file);
    }

    FixOutcome propose(Path repositoryRoot, String file, String rule, int line) {
        if (UNDEFINED_NAME.equals(rule) && fixer != null) {
            return cached(repositoryRoot, file, rule, line, (original, settings) ->
                    definedName(repositoryRoot, file, original, line, settings));
        }
        if (POSITIONAL_RE_ARGUMENTS.equals(rule) && fixer != null) {
            return cached(repositoryRoot, file, rule, line, (original, settings) ->
                    keywordArguments(repositoryRoot, file, original, line, settings));
        }
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
        return cached(repositoryRoot, file, rule, line, (original, settings) ->
                fixed(repositoryRoot, file, rule, original, GitTextLines.lines(original).get(line - 1), settings));
    }

    /** A fix made from the file's text at HEAD and the repository's ruff settings. */
    private interface Fix {
        FixOutcome make(String original, RuffSettings settings);
    }

    private FixOutcome cached(Path repositoryRoot, String file, String rule, int line, Fix fix) {
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
        FixOutcome outcome = fix.make(original, settings);
        synchronized (outcomes) {
            outcomes.put(key, outcome);
        }
        return outcome;
    }

    /**
     * An undefined name the project defines: qualified with the module the file already imports that defines it
     * (werkzeug's formparser.py raised {@code RequestEntityTooLarge()} where it imports {@code exceptions} and
     * writes {@code exceptions.RequestEntityTooLarge()} twice elsewhere), else imported from the one module that
     * defines it when that module does not import the file back. Verified as ruff's fixes are.
     */
    private FixOutcome definedName(Path repositoryRoot, String file, String original, int line, RuffSettings settings) {
        Optional<String> name = fixer.check(file, original, UNDEFINED_NAME, settings).flatMap(found -> found.stream()
                .filter(d -> d.row() == line).map(d -> UNDEFINED.matcher(d.message()))
                .filter(Matcher::find).map(m -> m.group(1)).findFirst());
        if (name.isEmpty()) {
            return FixOutcome.notFixable("ruff reports no undefined name on line " + line + " of " + file + " now");
        }
        UndefinedName found = fixer.undefinedName(repositoryRoot, file, name.get(), line);
        if (found.edit() == null) {
            return FixOutcome.notFixable(found.reason());
        }
        String patched;
        String description;
        if (found.edit().equals("qualify")) {
            patched = insertAt(original, found.line(), found.col(), found.alias() + ".");
            description = "Writes `" + found.alias() + "." + name.get() + "` at line " + found.line() + " of " + file
                    + ": the file imports " + found.module() + " as `" + found.alias() + "`, and " + found.definedIn()
                    + " defines `" + name.get() + "`.";
        } else {
            patched = insertLineAfter(original, found.afterLine(), found.statement());
            description = "Adds `" + found.statement() + "` to " + file + (found.afterLine() == 0 ? " at the top"
                    : " after line " + found.afterLine()) + ": " + (found.definedIn() != null
                    ? found.definedIn() + " defines `" + name.get() + "`, and no other module of the project does."
                    : "no module of the project defines `" + name.get() + "`; " + String.join(", ", found.importedBy())
                    + (found.importedBy().size() == 1 ? " imports" : " import") + " it from " + found.module() + ".");
        }
        return verified(repositoryRoot, file, UNDEFINED_NAME, original, patched, line, description, settings);
    }

    /**
     * The positional arguments after the string of {@code re.split}/{@code re.sub}/{@code re.subn} passed by keyword,
     * each keeping its meaning (flask's {@code re.split(p, path, 1)} becomes {@code maxsplit=1}), except a flag passed
     * where the count goes, which becomes {@code flags=}: click's {@code re.sub(r"\W*", "", name, re.ASCII)} replaced
     * at most 256 times and never matched ASCII-only.
     */
    private FixOutcome keywordArguments(Path repositoryRoot, String file, String original, int line, RuffSettings settings) {
        KeywordArguments found = fixer.keywordArguments(repositoryRoot, file, line);
        if (found.inserts().isEmpty()) {
            return FixOutcome.notFixable(found.reason());
        }
        String patched = original;
        for (int i = found.inserts().size() - 1; i >= 0; i--) { // the last first: earlier columns stay where they are
            KeywordArguments.Insert insert = found.inserts().get(i);
            patched = insertAt(patched, insert.line(), insert.col(), insert.text());
        }
        String keywords = String.join(", ", found.keywords().stream().map(k -> "`" + k + "=`").toList());
        String description = found.flagAsCount() != null
                ? "Passes `" + found.flagAsCount() + "` to `" + found.function() + "` as `flags=` at line " + line + " of "
                + file + ": as the argument after the string it was the " + (found.function().equals("re.split")
                ? "maxsplit" : "count") + " (a flag's number), and the pattern ran without the flag."
                : "Passes the arguments after the string of `" + found.function() + "` by keyword (" + keywords
                + ") at line " + line + " of " + file + "; each keeps its meaning.";
        return verified(repositoryRoot, file, POSITIONAL_RE_ARGUMENTS, original, patched, line, description, settings);
    }

    /** A hand-made patch, verified as ruff's are: it applies, compiles, and ruff no longer reports the rule there. */
    private FixOutcome verified(Path repositoryRoot, String file, String rule, String original, String patched, int line,
                                String description, RuffSettings settings) {
        if (patched.equals(original)) {
            return FixOutcome.notFixable("the edit changed nothing (" + file + " changed while it was read?)");
        }
        return verifiedDiff(repositoryRoot, file, rule, UnifiedDiffs.create(file, original, patched),
                GitTextLines.lines(original).get(line - 1), description, settings);
    }

    /** The patch of a diff, hand-made or ruff's, with its verification when it applies to the file at HEAD. */
    private FixOutcome verifiedDiff(Path repositoryRoot, String file, String rule, String diff, String findingLine,
                                    String description, RuffSettings settings) {
        AppliedPatch applied = verifier.apply(repositoryRoot, diff);
        String patched = applied.patchedFiles().get(file);
        PatchVerification verification = !applied.verification().applies() || patched == null ? applied.verification()
                : verify(repositoryRoot, file, rule, findingLine, patched, settings);
        return FixOutcome.fixed(new ProposedPatch(file, rule, description, diff, patched, verification));
    }

    /** The text with {@code insert} at a 0-based column counted, as Python's ast counts it, in UTF-8 bytes. */
    private static String insertAt(String text, int line, int byteColumn, String insert) {
        int start = lineStart(text, line);
        if (start < 0) { // the file changed since the helper read it: no edit, and verified() says so
            return text;
        }
        int newline = text.indexOf('\n', start);
        int end = newline < 0 ? text.length() : newline;
        byte[] bytes = text.substring(start, end).getBytes(StandardCharsets.UTF_8);
        int column = new String(bytes, 0, Math.min(byteColumn, bytes.length), StandardCharsets.UTF_8).length();
        return text.substring(0, start + column) + insert + text.substring(start + column);
    }

    /** The text with a line added after line {@code after} (0: first), in the file's own line ending. */
    private static String insertLineAfter(String text, int after, String line) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        int at = after == 0 ? 0 : lineStart(text, after + 1);
        if (at < 0) { // after the last line
            return text + (text.endsWith("\n") ? "" : newline) + line + newline;
        }
        return text.substring(0, at) + line + newline + text.substring(at);
    }

    /** Where 1-based line {@code line} starts; -1 past the end. */
    private static int lineStart(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            int next = text.indexOf('\n', at);
            if (next < 0) {
                return -1;
            }
            at = next + 1;
        }
        return at >= text.length() && line > 1 ? -1 : at;
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
        String description = "Applies ruff's own safe fix for " + rule + " in " + file
                + " (`ruff check --fix --select " + rule + "`)" + table.edit(rule).map(e -> ": " + e).orElse("") + ".";
        return verifiedDiff(repositoryRoot, file, rule, withGitHeaders(ruffDiff.diff(), file), findingLine, description,
                settings);
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
            return new PatchVerification(true, false, "the patch removes an import of " + file + " that is used where"
                    + " ruff does not look (another module imports it, a re-export; or a type comment uses it): "
                    + String.join("; ", reExports.subList(0, Math.min(3, reExports.size())))
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
