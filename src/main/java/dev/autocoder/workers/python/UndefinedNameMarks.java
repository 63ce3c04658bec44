package dev.autocoder.workers.python;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ruff's F821 (undefined name) on a line its author marked for the type checker as undefined on purpose:
 * {@code # type: ignore[name-defined]} (mypy) or {@code # pyright: ignore[reportUndefinedVariable]}. Ruff reads
 * neither. Rich's {@code get_ipython()}, a name IPython defines at run time, is probed and used that way. A bare
 * {@code # type: ignore} says nothing of which check it silences, so it does not count.
 */
final class UndefinedNameMarks {

    private static final Pattern MARK = Pattern.compile(
            "#\\s*(type:\\s*ignore\\[[^\\]]*\\bname-defined\\b|pyright:\\s*ignore\\[[^\\]]*\\breportUndefinedVariable\\b)");

    private final Snapshot snapshot;
    private final Map<String, List<String>> linesByPath = new HashMap<>();

    UndefinedNameMarks(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    boolean marked(RuffViolation violation) {
        if (!violation.code().equals("F821")) {
            return false;
        }
        List<String> lines = linesByPath.computeIfAbsent(violation.path(), this::lines);
        int row = violation.diagnostic().row();
        return row >= 1 && row <= lines.size() && MARK.matcher(lines.get(row - 1)).find();
    }

    private List<String> lines(String path) {
        try {
            SourceFile file = snapshot.file(path).orElse(null);
            return file == null || !file.isAnalyzableText() ? List.of() : snapshot.read(file).lines().toList();
        } catch (IOException e) {
            return List.of(); // unreadable now: the finding stays
        }
    }
}
