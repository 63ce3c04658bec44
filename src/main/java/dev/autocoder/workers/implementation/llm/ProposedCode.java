package dev.autocoder.workers.implementation.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the unified diff out of a language model's answer, for {@code PatchVerifier} to check: the first
 * {@code ```diff} (or {@code ```patch}) fenced block; else the first fenced block that holds a diff; else a bare
 * diff in the text, from its {@code --- } (or {@code diff --git}) line on.
 */
public final class ProposedCode {

    private static final Pattern FENCE = Pattern.compile("^[ \\t]*```[ \\t]*([\\w+-]*)[^\\n]*\\n(.*?)^[ \\t]*```",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern DIFF_START = Pattern.compile("^(?:diff --git .*|--- .*\\n\\+\\+\\+ .*)$",
            Pattern.MULTILINE);

    private ProposedCode() {
    }

    public static Optional<String> extractDiff(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String text = answer;
        Matcher fence = FENCE.matcher(text);
        String anyDiffBlock = null;
        while (fence.find()) {
            String language = fence.group(1).toLowerCase(java.util.Locale.ROOT);
            String body = fence.group(2);
            if ((language.equals("diff") || language.equals("patch")) && !body.isBlank()) {
                return Optional.of(withFinalNewline(body));
            }
            if (anyDiffBlock == null && DIFF_START.matcher(body).find()) {
                anyDiffBlock = body;
            }
        }
        if (anyDiffBlock != null) {
            return Optional.of(withFinalNewline(anyDiffBlock));
        }
        Matcher bare = DIFF_START.matcher(text);
        return bare.find() ? Optional.of(withFinalNewline(text.substring(bare.start()))) : Optional.empty();
    }

    private static String withFinalNewline(String diff) {
        return diff.endsWith("\n") ? diff : diff + "\n";
    }
}
