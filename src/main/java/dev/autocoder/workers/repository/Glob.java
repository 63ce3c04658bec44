package dev.autocoder.workers.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * One path segment of a {@code .gitignore} pattern: {@code *} (any run of characters), {@code ?} (one character),
 * {@code [...]} (a class: ranges, {@code !} or {@code ^} negation, {@code [:alpha:]}-style names) and
 * {@code \} escapes. Matching never backtracks more than one star: the classic greedy two-pointer algorithm takes at
 * most (segment length × pattern length) steps, where a regular expression such as JGit's takes exponential time
 * on patterns like {@code a*a*a*a*a*a*b} (issue 12).
 */
final class Glob {

    /** Marks a star among the tokens; every other token consumes exactly one character it accepts. */
    private static final IntPredicate STAR = any -> true;

    private final List<IntPredicate> tokens;

    private Glob(List<IntPredicate> tokens) {
        this.tokens = tokens;
    }

    /** The glob of {@code pattern}, or empty when the pattern cannot match anything (an unclosed class). */
    static Optional<Glob> compile(String pattern) {
        List<IntPredicate> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != STAR) {
                    tokens.add(STAR); // consecutive stars are one star
                }
                i++;
            } else if (c == '?') {
                tokens.add(any -> true);
                i++;
            } else if (c == '[') {
                int end = classEnd(pattern, i);
                if (end < 0) {
                    return Optional.empty();
                }
                tokens.add(characterClass(pattern.substring(i + 1, end)));
                i = end + 1;
            } else {
                if (c == '\\' && i + 1 < pattern.length()) {
                    c = pattern.charAt(++i);
                } else if (c == '\\') {
                    break; // a trailing lone backslash matches nothing, as in JGit
                }
                char literal = c;
                tokens.add(other -> other == literal);
                i++;
            }
        }
        return Optional.of(new Glob(List.copyOf(tokens)));
    }

    /** True when the whole of {@code text[start, end)} matches. */
    boolean matches(String text, int start, int end) {
        int p = 0;
        int s = start;
        int starToken = -1;
        int starText = -1;
        int size = tokens.size();
        while (s < end) {
            if (p < size && tokens.get(p) == STAR) {
                starToken = p++;
                starText = s;
            } else if (p < size && tokens.get(p).test(text.charAt(s))) {
                p++;
                s++;
            } else if (starToken >= 0) {
                // let the last star take one more character and retry what follows it
                p = starToken + 1;
                s = ++starText;
            } else {
                return false;
            }
        }
        while (p < size && tokens.get(p) == STAR) {
            p++;
        }
        return p == size;
    }

    boolean matches(String text) {
        return matches(text, 0, text.length());
    }

    /** Index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a leading ] is literal
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The body of a class (between the brackets). */
    private static IntPredicate characterClass(String body) {
        boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        int i = negated ? 1 : 0;
        IntPredicate members = none -> false;
        boolean first = true;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '[' && i + 1 < body.length() && body.charAt(i + 1) == ':' && body.indexOf(":]", i + 2) > 0) {
                int close = body.indexOf(":]", i + 2);
                members = members.or(namedClass(body.substring(i + 2, close)));
                i = close + 2;
                first = false;
                continue;
            }
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            } else if (c == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                int to = i + 2;
                char high = body.charAt(to);
                if (high == '\\' && to + 1 < body.length()) {
                    high = body.charAt(++to);
                }
                char low = c;
                char top = high;
                members = members.or(other -> other >= low && other <= top);
                i = to + 1;
            } else {
                char literal = c;
                members = members.or(other -> other == literal);
                i++;
            }
        }
        return negated ? members.negate() : members;
    }

    private static IntPredicate namedClass(String name) {
        return switch (name) {
            case "alnum" -> Character::isLetterOrDigit;
            case "alpha" -> Character::isLetter;
            case "blank" -> c -> c == ' ' || c == '\t';
            case "cntrl" -> Character::isISOControl;
            case "digit" -> Character::isDigit;
            case "graph" -> c -> c > ' ' && c < 0x7f || Character.isLetterOrDigit(c);
            case "lower" -> Character::isLowerCase;
            case "print" -> c -> c >= ' ' && c < 0x7f || Character.isLetterOrDigit(c);
            case "punct" -> c -> c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c);
            case "space" -> c -> c == ' ' || c >= '\t' && c <= '\r';
            case "upper" -> Character::isUpperCase;
            case "xdigit" -> c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            case "word" -> c -> Character.isLetterOrDigit(c) || c == '_';
            default -> none -> false;
        };
    }
}
