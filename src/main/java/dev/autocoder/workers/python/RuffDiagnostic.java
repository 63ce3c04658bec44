package dev.autocoder.workers.python;

import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * One diagnostic of ruff's JSON output, without its file, so the same content at another path reuses it.
 *
 * @param code             the rule code (F401, B006, ...); null for a syntax error
 * @param fixApplicability safe, unsafe or display-only as ruff reports it; null without a fix or when the ruff in
 *                         use does not say (bin/ruff-wasm)
 * @param fixMessage       what the fix does; null without a fix
 * @param snippet          the source lines it points at (at most a few): a finding's line-independent identity
 */
public record RuffDiagnostic(String code, String message, int row, int column, int endRow, int endColumn,
                             String fixApplicability, String fixMessage, String snippet) {

    static final int SNIPPET_LINES = 5;
    static final int SNIPPET_CHARS = 600;

    public RuffDiagnostic {
        code = code == null ? null : Interned.string(code);
    }

    public boolean syntaxError() {
        return code == null || code.equals("invalid-syntax") || code.equals("E999");
    }

    /** The same diagnostic with the text of its lines from the file's content. */
    RuffDiagnostic withSnippetFrom(List<String> lines) {
        int first = Math.max(1, row);
        int last = Math.min(lines.size(), Math.min(Math.max(first, endRow), first + SNIPPET_LINES - 1));
        String text = first > lines.size() ? "" : String.join("\n", lines.subList(first - 1, last));
        return new RuffDiagnostic(code, message, row, column, endRow, endColumn, fixApplicability, fixMessage,
                text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) : text);
    }

    RuffDiagnostic withMessage(String newMessage) {
        return new RuffDiagnostic(code, newMessage, row, column, endRow, endColumn, fixApplicability, fixMessage,
                snippet);
    }

    public boolean hasFix() {
        return fixMessage != null || fixApplicability != null;
    }
}
