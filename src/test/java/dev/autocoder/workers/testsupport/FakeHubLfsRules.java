package dev.autocoder.workers.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * When the Hub wants a file in LFS: above the size threshold (never more than 10 MiB as a regular file), when the
 * first 512 bytes hold a NUL byte (binary), or when the repository's .gitattributes tracks the path with
 * {@code filter=lfs}. Preupload answers with this rule and a commit must obey it.
 */
final class FakeHubLfsRules {

    private FakeHubLfsRules() {
    }

    static boolean mustUseLfs(String path, long size, byte[] sample, String gitattributes, long threshold) {
        return size > Math.min(threshold, FakeHubFormats.MAX_REGULAR_FILE)
                || FakeHubFormats.looksBinary(sample)
                || tracked(gitattributes, path);
    }

    /** The .gitattributes text of a tree, "" when it has none. */
    static String gitattributes(Map<String, FakeHubFile> files) {
        FakeHubFile file = files.get(".gitattributes");
        return file == null ? "" : new String(file.content(), StandardCharsets.UTF_8);
    }

    /**
     * Whether a {@code pattern ... filter=lfs} line matches the path: as in git, a pattern without '/' matches the
     * file name at any depth, a pattern with '/' matches the whole path.
     */
    static boolean tracked(String gitattributes, String path) {
        for (String line : gitattributes.split("\\R")) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length < 2 || tokens[0].startsWith("#") || !containsLfsFilter(tokens)) {
                continue;
            }
            String pattern = tokens[0].startsWith("/") ? tokens[0].substring(1) : tokens[0];
            String subject = pattern.contains("/") ? path : path.substring(path.lastIndexOf('/') + 1);
            if (globMatches(pattern, subject)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsLfsFilter(String[] tokens) {
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].equals("filter=lfs")) {
                return true;
            }
        }
        return false;
    }

    private static boolean globMatches(String pattern, String subject) {
        try {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            return matcher.matches(Path.of(subject));
        } catch (PatternSyntaxException | InvalidPathException e) {
            return false; // a line git would not understand either tracks nothing
        }
    }
}
