package dev.autocoder.workers.analysis.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The precompiled patterns of every secret format, shared by {@link SecretScanner} and {@link SecretRedactor}.
 * All patterns are linear on one line: literal prefixes, bounded repetitions, possessive quantifiers.
 */
final class SecretPatterns {

    /** PEM header of a private key: RSA, DSA, EC, OPENSSH, ENCRYPTED, PGP ... BLOCK, or plain PKCS#8. */
    static final Pattern PRIVATE_KEY_HEADER = Pattern.compile("-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----");
    static final Pattern PRIVATE_KEY_FOOTER = Pattern.compile("-----END (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----");

    /** A PEM body counts as key material from this many base64 characters on. */
    static final int MIN_KEY_BODY = 64;

    /** A PEM body is not looked for further than this many characters after the header. */
    private static final int MAX_KEY_SPAN = 20_000;

    /** Token formats with a fixed prefix; the named group says which one matched. */
    static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_])(?:"
                    + "(?<aws>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])"
                    + "|(?<github>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"
                    + "|(?<githubpat>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])"
                    + "|(?<huggingface>hf_[A-Za-z0-9]{30,40})(?![A-Za-z0-9_])"
                    + "|(?<slack>xox[baprs]-[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-])"
                    + ")");

    /** The 40-character secret assigned to an aws_secret_access_key-like name (any case, any separator). */
    static final Pattern AWS_SECRET = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:(?:aws[_.-]?)?secret[_.-]?access[_.-]?key|aws[_.-]?secret[_.-]?key)"
                    + "[\"']?[ \\t]*(?::=|=>|=|:)[ \\t]*[\"']?"
                    + "(?<value>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])");

    /**
     * {@code name = value}, {@code name: value}, {@code "name": "value"}, {@code name := value},
     * {@code name => value}; an optional type annotation ({@code val password: String = "..."}) is allowed.
     * The value is double-, single- or back-quoted, or bare (group {@code bare}). Blanks around the operator
     * are spaces and tabs only, so a match never spans lines.
     */
    static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(?<q>[\"']?)(?<name>[A-Za-z_][A-Za-z0-9_.-]{0,100}+)\\k<q>"
                    + "(?:[ \\t]*:[ \\t]*[A-Za-z_][A-Za-z0-9_.<>\\[\\]?]{0,60}+(?=[ \\t]*=))?"
                    + "[ \\t]*(?::=|=>|(?<![=!<>])=(?![=~])|:(?![:/]))[ \\t]*"
                    + "(?:\"(?<dq>[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\""
                    + "|'(?<sq>[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+)'"
                    + "|`(?<bq>[^`]*+)`"
                    + "|(?<bare>[^\\s\"'`]++))");

    /** {@code <password>value</password>} in XML. */
    static final Pattern XML_ELEMENT = Pattern.compile(
            "<(?<name>[A-Za-z_][A-Za-z0-9_.:-]{0,100}+)>(?<value>[^<\\s]{1,1000}+)</\\k<name>>");

    /** {@code scheme://user:password@host}: the password part. */
    static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)(?<user>[^/\\s:@]{1,100}+):(?<value>[^/\\s@]{1,200}+)@");

    private SecretPatterns() {
    }

    /** The value of an assignment match, without quotes. */
    static String assignedValue(Matcher m) {
        for (String group : new String[] {"dq", "sq", "bq", "bare"}) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalStateException("assignment without value");
    }

    static int assignedValueStart(Matcher m) {
        for (String group : new String[] {"dq", "sq", "bq", "bare"}) {
            if (m.group(group) != null) {
                return m.start(group);
            }
        }
        throw new IllegalStateException("assignment without value");
    }

    static boolean isBare(Matcher m) {
        return m.group("bare") != null;
    }

    /**
     * A private key whose header ends at {@code headerEnd}: the base64 body that follows (quotes, escaped
     * newlines, string concatenation and PEM header lines in between are skipped), or null when there is no
     * real key material (fewer than {@link #MIN_KEY_BODY} base64 characters, or a low-entropy placeholder).
     */
    static PemKey privateKeyAfter(CharSequence text, int headerStart, int headerEnd) {
        StringBuilder body = new StringBuilder();
        int limit = Math.min(text.length(), headerEnd + MAX_KEY_SPAN);
        int i = headerEnd;
        while (i < limit) {
            char c = text.charAt(i);
            if (isBase64(c)) {
                body.append(c);
            } else if (c == '-') {
                if (startsWith(text, i, "-----")) {
                    break;
                }
            } else if (c == '\\' && i + 1 < limit && "nrt".indexOf(text.charAt(i + 1)) >= 0) {
                i++;
            } else if (!Character.isWhitespace(c) && "\"',:.".indexOf(c) < 0) {
                break;
            }
            i++;
        }
        if (body.length() < MIN_KEY_BODY || !SecretValues.isRandomLooking(body.toString())) {
            return null;
        }
        int end = i;
        Matcher footer = PRIVATE_KEY_FOOTER.matcher(text).region(i, limit);
        if (footer.lookingAt()) {
            end = footer.end();
        }
        return new PemKey(headerStart, end, body.toString());
    }

    /** A private key block in a text: its span (header to footer, or to the end of the body) and its body. */
    record PemKey(int start, int end, String body) {
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        return at + prefix.length() <= text.length() && text.subSequence(at, at + prefix.length()).toString().equals(prefix);
    }
}
