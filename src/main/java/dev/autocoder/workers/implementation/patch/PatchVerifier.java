package dev.autocoder.workers.implementation.patch;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import dev.autocoder.workers.row.Plural;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a unified diff against the repository as it is now: every hunk must apply to the current file (context
 * and removed lines matching exactly, at the stated line or shifted as {@code git apply} allows), and every
 * resulting {@code .java} file must parse. Nothing is written to disk.
 * <p>
 * Works the same for the diffs {@link MechanicalFixes} writes and for arbitrary text from a language model: a
 * malformed diff, a path outside the repository, a missing or binary file all give {@code applies=false} with the
 * reason; nothing is thrown.
 */
@Component
public class PatchVerifier {

    public PatchVerification verify(Path repositoryRoot, String unifiedDiff) {
        return apply(repositoryRoot, unifiedDiff).verification();
    }

    /** Applies the diff in memory and returns the patched texts along with the verification. */
    public AppliedPatch apply(Path repositoryRoot, String unifiedDiff) {
        try {
            return applyAll(repositoryRoot, UnifiedDiffParser.parse(unifiedDiff));
        } catch (MalformedDiffException e) {
            return AppliedPatch.failed("not a valid unified diff: " + e.getMessage());
        } catch (RuntimeException e) {
            // a defect in a library on odd input must not end the caller's iteration
            return AppliedPatch.failed("the diff could not be checked: " + e.getClass().getSimpleName());
        }
    }

    private AppliedPatch applyAll(Path repositoryRoot, List<FilePatch> files) {
        Map<String, String> patched = new LinkedHashMap<>();
        for (FilePatch file : files) {
            String path = file.path();
            if (RepositoryFiles.resolve(repositoryRoot, path) == null) {
                return AppliedPatch.failed("the path " + path + " is not inside the repository");
            }
            String original;
            if (file.oldPath() == null) {
                if (Files.exists(RepositoryFiles.resolve(repositoryRoot, path))) {
                    return AppliedPatch.failed("the diff creates " + path + ", which already exists");
                }
                original = "";
            } else {
                RepositoryFiles.Read read = RepositoryFiles.read(repositoryRoot, file.oldPath());
                if (!read.ok()) {
                    return AppliedPatch.failed(read.problem());
                }
                original = read.text();
            }
            Optional<String> result = applyTo(original, file);
            if (result.isEmpty()) {
                return AppliedPatch.failed(mismatch(original, file));
            }
            if (file.newPath() != null) {
                patched.put(file.newPath(), result.get());
            }
        }
        for (Map.Entry<String, String> entry : patched.entrySet()) {
            if (entry.getKey().endsWith(".java")) {
                Optional<String> problem = JavaSource.problem(entry.getValue());
                if (problem.isPresent()) {
                    return new AppliedPatch(new PatchVerification(true, false,
                            entry.getKey() + " does not parse after the patch: " + problem.get()), Map.copyOf(patched));
                }
            }
        }
        return new AppliedPatch(new PatchVerification(true, true, "applies to the current "
                + String.join(", ", files.stream().map(FilePatch::path).toList()) + " and the result parses"),
                Map.copyOf(patched));
    }

    /** The patched text, or empty when a hunk does not match the file. */
    private static Optional<String> applyTo(String original, FilePatch file) {
        List<String> lines = GitTextLines.lines(original);
        try {
            List<String> result = file.patch().applyFuzzy(new ArrayList<>(lines), 0);
            return Optional.of(GitTextLines.join(result, endsWithNewline(original, lines.size(), file)));
        } catch (PatchFailedException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the result ends with a newline: as the original, unless the last hunk reaches the end of the file,
     * where git's {@code \ No newline at end of file} marker decides.
     */
    private static boolean endsWithNewline(String original, int originalLines, FilePatch file) {
        boolean touchesEnd = file.lastOldLine() >= originalLines;
        return touchesEnd ? !file.newNoNewlineAtEnd() : GitTextLines.endsWithNewline(original);
    }

    /** Names the first hunk that does not apply and, where it can, the first line that differs. */
    private static String mismatch(String original, FilePatch file) {
        List<String> lines = GitTextLines.lines(original);
        Patch<String> patch = file.patch();
        for (int i = 0; i < patch.getDeltas().size(); i++) {
            AbstractDelta<String> delta = patch.getDeltas().get(i);
            List<String> expected = delta.getSource().getLines();
            int position = delta.getSource().getPosition();
            for (int j = 0; j < expected.size(); j++) {
                int lineIndex = position + j;
                if (lineIndex >= lines.size()) {
                    return "hunk " + (i + 1) + " of " + file.path() + " reaches past the end of the file ("
                            + Plural.of(lines.size(), "line") + ")";
                }
                if (!lines.get(lineIndex).equals(expected.get(j))) {
                    Patch<String> single = new Patch<>();
                    single.addDelta(delta);
                    if (canApplyShifted(lines, single)) {
                        break;
                    }
                    return "hunk " + (i + 1) + " does not match " + file.path() + ": line " + (lineIndex + 1)
                            + " is `" + shorten(lines.get(lineIndex)) + "`, the diff expects `" + shorten(expected.get(j)) + "`";
                }
            }
        }
        return "the hunks of " + file.path() + " do not apply to the current file";
    }

    private static boolean canApplyShifted(List<String> lines, Patch<String> single) {
        try {
            single.applyFuzzy(new ArrayList<>(lines), 0);
            return true;
        } catch (PatchFailedException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String shorten(String line) {
        String trimmed = line.strip();
        return trimmed.length() > 80 ? trimmed.substring(0, 80) + "..." : trimmed;
    }
}
