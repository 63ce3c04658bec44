package dev.autocoder.workers.analysis.dependencies;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code require} directives of a {@code go.mod}, single-line and block form. Go's minimal version
 * selection makes every listed version exact; {@code // indirect} requirements are kept with scope
 * {@code indirect}. OSV's Go ecosystem compares versions without the leading {@code v}.
 */
final class GoModParser {

    private GoModParser() {
    }

    static List<Dependency> parse(String manifest, String text) throws ManifestException {
        List<Dependency> result = new ArrayList<>();
        List<String> lines = text.lines().toList();
        String block = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int comment = raw.indexOf("//");
            boolean indirect = comment >= 0 && raw.substring(comment + 2).strip().startsWith("indirect");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                } else if (block.equals("require")) {
                    result.add(requirement(line, indirect, manifest, i + 1));
                }
                continue;
            }
            String[] words = line.split("\\s+", 2);
            if (words.length == 2 && words[1].equals("(")) {
                block = words[0];
            } else if (words[0].equals("require")) {
                if (words.length < 2) {
                    throw new ManifestException("go.mod syntax error at line " + (i + 1) + ": require without a module", i + 1);
                }
                result.add(requirement(words[1], indirect, manifest, i + 1));
            }
        }
        if (block != null) {
            throw new ManifestException("go.mod syntax error: unclosed " + block + " block");
        }
        return result;
    }

    private static Dependency requirement(String spec, boolean indirect, String manifest, int line) throws ManifestException {
        String[] parts = spec.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("v")) {
            throw new ManifestException("go.mod syntax error at line " + line + ": expected 'module vX.Y.Z'", line);
        }
        String module = parts[0].replace("\"", "");
        return Dependency.pinned(Ecosystem.GO, module, parts[1].substring(1), parts[1], manifest, line,
                indirect ? "indirect" : "direct");
    }
}
