package dev.autocoder.workers.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code .gitignore} line, with JGit's reading of it (org.eclipse.jgit.ignore.FastIgnoreRule): {@code !}
 * negates, a trailing {@code /} matches directories only, a pattern without an inner {@code /} matches the last
 * name of a path (anchored to the base by a leading {@code /}), one with an inner {@code /} matches the whole path
 * relative to the base, where a {@code **} segment matches any number of folders. Every segment is a {@link Glob},
 * so matching a path costs at most (path length × pattern length) per {@code **}, never exponential time.
 */
final class IgnorePattern {

    /** Longer lines are not rules (no path is that long), which bounds the cost of one match. */
    static final int MAX_LENGTH = 4096;

    /** A segment matcher; {@code null} in {@link #segments} stands for {@code **}. */
    private final List<Glob> segments;
    private final Glob name;
    private final boolean anchored;
    private final boolean negated;
    private final boolean directoryOnly;

    private IgnorePattern(List<Glob> segments, Glob name, boolean anchored, boolean negated, boolean directoryOnly) {
        this.segments = segments;
        this.name = name;
        this.anchored = anchored;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
    }

    /** The rule of one line; empty for blank lines, comments, over-long lines and patterns that match nothing. */
    static Optional<IgnorePattern> parse(String line) {
        if (line.isEmpty() || line.startsWith("#") || line.equals("/") || line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String pattern = line;
        boolean negated = pattern.charAt(0) == '!';
        if (negated) {
            pattern = pattern.substring(1);
        }
        if (pattern.isEmpty() || pattern.charAt(0) == '#') {
            return Optional.empty();
        }
        if (pattern.length() > 1 && pattern.charAt(0) == '\\'
                && (pattern.charAt(1) == '!' || pattern.charAt(1) == '#')) {
            pattern = pattern.substring(1);
        }
        String stripped = pattern.stripTrailing();
        boolean directoryOnly = stripped.endsWith("/");
        if (directoryOnly) {
            pattern = stripTrailing(stripped, '/');
            if (pattern.isEmpty()) {
                return Optional.empty();
            }
        }
        pattern = trimUnescapedTrailingSpaces(pattern);
        int innerSlash = pattern.indexOf('/', 1);
        if (innerSlash > 0 && innerSlash < pattern.length() - 1) {
            return pathPattern(pattern, negated, directoryOnly);
        }
        boolean anchored = pattern.startsWith("/");
        String namePattern = anchored ? pattern.substring(1) : pattern;
        if (namePattern.equals("**")) {
            return Optional.of(new IgnorePattern(null, null, false, negated, directoryOnly));
        }
        return Glob.compile(namePattern)
                .map(glob -> new IgnorePattern(null, glob, anchored, negated, directoryOnly));
    }

    private static Optional<IgnorePattern> pathPattern(String pattern, boolean negated, boolean directoryOnly) {
        List<Glob> segments = new ArrayList<>();
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("**")) {
                if (!segments.isEmpty() && segments.get(segments.size() - 1) == null) {
                    continue; // **/** is **
                }
                segments.add(null);
                continue;
            }
            Optional<Glob> glob = Glob.compile(segment);
            if (glob.isEmpty()) {
                return Optional.empty();
            }
            segments.add(glob.get());
        }
        return Optional.of(new IgnorePattern(segments, null, false, negated, directoryOnly));
    }

    /** True when the rule ignores (false: re-includes) what it matches. */
    boolean ignores() {
        return !negated;
    }

    /** Whether the rule matches {@code path} (slash-separated, relative to the rule's base, no leading slash). */
    boolean matches(String path, boolean directory) {
        if (path.isEmpty() || directoryOnly && !directory && segments == null) {
            return false;
        }
        if (segments != null) {
            return matchesPath(path, directory);
        }
        if (name == null) {
            return true; // a lone **
        }
        int lastSlash = path.lastIndexOf('/');
        if (lastSlash >= 0 && anchored) {
            return false;
        }
        return name.matches(path, lastSlash + 1, path.length());
    }

    /**
     * Segment by segment; after a failure only the last {@code **} is extended by one folder (JGit's algorithm:
     * with a single {@code **} this is exact, and it bounds the work by segments × pattern segments).
     */
    private boolean matchesPath(String path, boolean directory) {
        String[] names = path.split("/");
        int last = segments.size() - 1;
        int segment = 0;
        int at = 0;
        int lastWild = -1;
        int resumeAfter = -1;
        while (true) {
            if (at == names.length - 1) {
                boolean match = matchesSegment(segment, names[at], directory);
                if (match && segment < last && segments.get(segment) == null) {
                    segment++; // ** can match nothing: a/**/b matches a/b
                    match = matchesSegment(segment, names[at], directory);
                }
                return match && segment == last;
            }
            if (resumeAfter < 0) {
                resumeAfter = at;
            }
            if (matchesSegment(segment, names[at], directory)) {
                boolean wild = segments.get(segment) == null;
                if (wild) {
                    lastWild = segment;
                    resumeAfter = -1; // try the next pattern segment on this same folder first
                } else {
                    at++;
                }
                segment++;
                if (segment > last) {
                    if (wild) {
                        return true; // a trailing ** takes the rest
                    }
                    if (lastWild < 0) {
                        return false;
                    }
                    segment = lastWild + 1;
                    at = resumeAfter + 1;
                    resumeAfter = -1;
                }
            } else if (lastWild >= 0) {
                segment = lastWild + 1;
                at = resumeAfter + 1;
                resumeAfter = -1;
            } else {
                return false;
            }
        }
    }

    private boolean matchesSegment(int index, String name, boolean directory) {
        Glob glob = segments.get(index);
        boolean match = glob == null || glob.matches(name);
        return match && (index < segments.size() - 1 || directory || !directoryOnly);
    }

    private static String stripTrailing(String text, char c) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == c) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Trailing spaces are dropped unless the last one is escaped ({@code "a\ "} keeps one space). */
    private static String trimUnescapedTrailingSpaces(String pattern) {
        int end = pattern.length();
        while (end > 0 && pattern.charAt(end - 1) == ' ') {
            if (end > 1 && pattern.charAt(end - 2) == '\\') {
                return pattern.substring(0, end - 2) + ' ';
            }
            end--;
        }
        return pattern.substring(0, end);
    }
}
