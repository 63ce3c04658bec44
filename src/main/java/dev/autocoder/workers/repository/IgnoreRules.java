package dev.autocoder.workers.repository;

import org.eclipse.jgit.ignore.IgnoreNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code .gitignore} rules in force at one point of a tree walk, with git's precedence: the deepest
 * {@code .gitignore} that has a matching rule decides (so a nested negation re-includes), then the shallower
 * ones, then {@code .git/info/exclude}. Pattern semantics are JGit's {@link IgnoreNode}. A path inside an
 * ignored directory is never reached, because the walk skips that directory (as git does).
 */
final class IgnoreRules {

    static final String GITIGNORE = ".gitignore";

    private record Level(Path base, IgnoreNode rules) {
    }

    /** Deepest level first. */
    private final Deque<Level> levels = new ArrayDeque<>();

    /** Adds the rules of a file, relative to {@code base}; a missing file adds nothing. Returns whether added. */
    boolean push(Path base, Path rulesFile) throws IOException {
        if (!Files.isRegularFile(rulesFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(rulesFile)) {
            node.parse(rulesFile.toString(), in);
        }
        if (node.getRules().isEmpty()) {
            return false;
        }
        levels.push(new Level(base, node));
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
            Boolean ignored = level.rules().checkIgnored(relative, directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
    }
}
