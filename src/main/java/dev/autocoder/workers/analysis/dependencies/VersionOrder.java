package dev.autocoder.workers.analysis.dependencies;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A lenient, ecosystem-neutral version order, good enough to choose the nearest fixed version: numeric parts
 * compare as numbers ({@code 2.9.10 > 2.9.9}), a number beats a word at the same place, and a trailing word
 * ({@code -rc1}, {@code -SNAPSHOT}, {@code a1}) ranks below the plain release. It is not Maven's or PEP 440's
 * full ordering; it is only used to pick and sort versions for messages.
 */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size()) {
                return restRanksBelow(b, i) ? 1 : restIsZero(b, i) ? 0 : -1;
            }
            if (i >= b.size()) {
                return restRanksBelow(a, i) ? -1 : restIsZero(a, i) ? 0 : 1;
            }
            int order = compareToken(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareToken(String x, String y) {
        boolean xNumber = isNumber(x);
        boolean yNumber = isNumber(y);
        if (xNumber && yNumber) {
            return new BigInteger(x).compareTo(new BigInteger(y));
        }
        if (xNumber != yNumber) {
            return xNumber ? 1 : -1;
        }
        return x.compareToIgnoreCase(y);
    }

    /** A version continuing with a word where the other ended is a pre-release of it. */
    private static boolean restRanksBelow(List<String> tokens, int from) {
        return !isNumber(tokens.get(from));
    }

    private static boolean restIsZero(List<String> tokens, int from) {
        return tokens.subList(from, tokens.size()).stream().allMatch(t -> isNumber(t) && new BigInteger(t).signum() == 0);
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    /** Splits at separators and at every change between digits and letters. */
    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char c : version.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            boolean separator = !Character.isLetterOrDigit(c);
            boolean kindChanges = current.length() > 0
                    && Character.isDigit(c) != Character.isDigit(current.charAt(current.length() - 1));
            if ((separator || kindChanges) && current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
            if (!separator) {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
