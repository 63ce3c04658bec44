package dev.autocoder.workers.repository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The {@code .gitignore} rules in force at one point of a tree walk, with git's precedence: the deepest
 * {@code .gitignore} that has a matching rule decides (so a nested negation re-includes), then the shallower
 * ones, then {@code .git/info/exclude}; within one file the last matching line decides. Pattern semantics are
 * JGit's, matched by {@link IgnorePattern} in polynomial time (JGit's own matcher backtracks exponentially on
 * hostile patterns). A path inside an ignored directory is never reached, because the walk skips that directory
 * (as git does). A rules file larger than {@link #MAX_RULES_FILE_SIZE} is not applied: it is reported instead, so
 * one file cannot make every path cost millions of pattern matches.
 */
final class IgnoreRules {

    static final String GITIGNORE = ".gitignore";

    /** Larger rules files are left out (git itself refuses ones over 100 MiB). */
    static final long MAX_RULES_FILE_SIZE = 1024 * 1024;

    private record Level(Path base, List<IgnorePattern> rules) {
    }

    /** Deepest level first. */
    private final Deque<Level> levels = new ArrayDeque<>();

    /**
     * Adds the rules of a file, relative to {@code base}; a missing file adds nothing. Returns whether added. Throws
     * when the file cannot be read or is larger than {@link #MAX_RULES_FILE_SIZE}.
     */
    boolean push(Path base, Path rulesFile) throws IOException {
        if (!Files.isRegularFile(rulesFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.size(rulesFile) > MAX_RULES_FILE_SIZE) {
            throw new IOException("larger than " + MAX_RULES_FILE_SIZE / 1024 + " KiB: its ignore rules are not applied");
        }
        List<IgnorePattern> rules = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(rulesFile),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                IgnorePattern.parse(line).ifPresent(rules::add);
            }
        }
        if (rules.isEmpty()) {
            return false;
        }
        levels.push(new Level(base, List.copyOf(rules)));
        return true;
    }

    /** Drops the deepest level, which must belong to {@code base}. */
    void pop(Path base) {
        if (!levels.isEmpty() && levels.peek().base().equals(base)) {
            levels.pop();
        }
    }

    boolean isIgnored(Path path, boolean directory) {
        for (Level level : levels) {
            if (!path.startsWith(level.base())) {
                continue;
            }
            String relative = GitWorkTrees.slashes(level.base().relativize(path));
            List<IgnorePattern> rules = level.rules();
            for (int i = rules.size() - 1; i >= 0; i--) {
                if (rules.get(i).matches(relative, directory)) {
                    return rules.get(i).ignores();
                }
            }
        }
        return false;
    }
}
