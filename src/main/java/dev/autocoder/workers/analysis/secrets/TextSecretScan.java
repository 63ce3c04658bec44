package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.repository.Language;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans the text of one file, line by line. Each line is matched against the token formats first; a generic
 * assignment whose value overlaps an already reported token is not reported again. Lines inside a reported
 * private key block are not matched against anything else.
 */
final class TextSecretScan {

    /** Where an unquoted value can be a secret; in code an unquoted value is an expression. */
    private static final Set<Language> BARE_VALUE_LANGUAGES = EnumSet.of(
            Language.YAML, Language.TOML, Language.PROPERTIES, Language.TEXT, Language.SHELL, Language.OTHER);

    private static final List<String> NAME_HINTS =
            List.of("password", "passwd", "secret", "token", "credential", "key");

    /** An unquoted value with a call or an index in it ({@code typing.Optional[KEY]}) is an expression. */
    private static final Pattern CALL_OR_INDEX = Pattern.compile("[A-Za-z0-9_][(\\[]");

    private final String path;
    private final Language language;
    private final String text;
    private final List<SecretFinding> findings = new ArrayList<>();
    private int longLinesSkipped;
    /** End offset of the last private key block reported; nothing before it is reported again. */
    private int reportedUntil;

    TextSecretScan(String path, Language language, String text) {
        this.path = path;
        this.language = language;
        this.text = text;
    }

    List<SecretFinding> run() {
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lineNumber++;
            if (contentEnd - start > SecretScanner.MAX_LINE_LENGTH) {
                longLinesSkipped++;
            } else if (contentEnd > reportedUntil) {
                scanLine(text.substring(start, contentEnd), start, lineNumber);
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return findings;
    }

    int longLinesSkipped() {
        return longLinesSkipped;
    }

    private void scanLine(String line, int lineStart, int lineNumber) {
        List<int[]> reported = new ArrayList<>();
        if (line.contains("PRIVATE KEY")) {
            scanPrivateKeys(line, lineStart, lineNumber, reported);
        }
        scanTokens(line, lineStart, lineNumber, reported);
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("secret")) {
            scanAwsSecrets(line, lineStart, lineNumber, reported);
        }
        if (NAME_HINTS.stream().anyMatch(lower::contains)) {
            scanAssignments(line, lineStart, lineNumber, reported);
        }
    }

    private void scanPrivateKeys(String line, int lineStart, int lineNumber, List<int[]> reported) {
        Matcher header = SecretPatterns.PRIVATE_KEY_HEADER.matcher(line);
        while (header.find()) {
            int headerStart = lineStart + header.start();
            if (headerStart < reportedUntil) {
                continue;
            }
            SecretPatterns.PemKey key = SecretPatterns.privateKeyAfter(text, headerStart, lineStart + header.end());
            if (key != null) {
                findings.add(SecretFinding.of(SecretRule.PRIVATE_KEY, path, lineNumber, key.body(), null));
                reported.add(new int[] {header.start(), line.length()});
                reportedUntil = key.end();
            }
        }
    }

    private void scanTokens(String line, int lineStart, int lineNumber, List<int[]> reported) {
        Matcher token = SecretPatterns.TOKEN.matcher(line);
        while (token.find()) {
            if (lineStart + token.start() < reportedUntil) {
                continue;
            }
            TokenKind kind = TokenKind.of(token);
            String value = token.group();
            if (SecretValues.isRandomLooking(value.substring(kind.prefixLength(value)))) {
                findings.add(SecretFinding.of(kind.rule(), path, lineNumber, value, null));
                reported.add(new int[] {token.start(), token.end()});
            }
        }
    }

    private void scanAwsSecrets(String line, int lineStart, int lineNumber, List<int[]> reported) {
        Matcher secret = SecretPatterns.AWS_SECRET.matcher(line);
        while (secret.find()) {
            String value = secret.group("value");
            if (lineStart + secret.start("value") >= reportedUntil && SecretValues.isRandomLooking(value)
                    && !overlaps(reported, secret.start("value"), secret.end("value"))) {
                findings.add(SecretFinding.of(SecretRule.AWS_SECRET_ACCESS_KEY, path, lineNumber, value, null));
                reported.add(new int[] {secret.start("value"), secret.end("value")});
            }
        }
    }

    private void scanAssignments(String line, int lineStart, int lineNumber, List<int[]> reported) {
        Matcher assignment = SecretPatterns.ASSIGNMENT.matcher(line);
        while (assignment.find()) {
            String name = assignment.group("name");
            if (!SecretValues.isSecretName(name)) {
                continue;
            }
            String value = SecretPatterns.assignedValue(assignment);
            int valueStart = SecretPatterns.assignedValueStart(assignment);
            if (SecretPatterns.isBare(assignment)) {
                if (!BARE_VALUE_LANGUAGES.contains(language) || !endsTheLine(line, assignment.end())
                        || CALL_OR_INDEX.matcher(value).find()) {
                    continue;
                }
                value = stripTrailing(value, ",;");
            }
            reportAssignment(name, value, lineStart + valueStart, valueStart, lineNumber, reported);
        }
        if (language == Language.XML || language == Language.HTML) {
            Matcher element = SecretPatterns.XML_ELEMENT.matcher(line);
            while (element.find()) {
                if (SecretValues.isSecretName(element.group("name"))) {
                    reportAssignment(element.group("name"), element.group("value"), lineStart + element.start("value"),
                            element.start("value"), lineNumber, reported);
                }
            }
        }
    }

    private void reportAssignment(String name, String value, int absoluteStart, int valueStart, int lineNumber,
                                  List<int[]> reported) {
        if (absoluteStart < reportedUntil || overlaps(reported, valueStart, valueStart + value.length())
                || !SecretValues.isSecretAssignment(name, value)) {
            return;
        }
        findings.add(SecretFinding.of(SecretRule.GENERIC_SECRET_ASSIGNMENT, path, lineNumber, value, shortName(name)));
        reported.add(new int[] {valueStart, valueStart + value.length()});
    }

    /** A bare value counts only when nothing but a comment follows it, so prose is not taken for a secret. */
    private static boolean endsTheLine(String line, int end) {
        String rest = line.substring(end).strip();
        return rest.isEmpty() || rest.startsWith("#") || rest.startsWith("//") || rest.startsWith(";");
    }

    private static String stripTrailing(String value, String characters) {
        int end = value.length();
        while (end > 0 && characters.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(span -> start < span[1] && span[0] < end);
    }

    private static String shortName(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }

    /** Which token format a {@link SecretPatterns#TOKEN} match is. */
    private enum TokenKind {
        AWS("aws", SecretRule.AWS_ACCESS_KEY_ID, 4),
        GITHUB("github", SecretRule.GITHUB_TOKEN, 4),
        GITHUB_PAT("githubpat", SecretRule.GITHUB_TOKEN, 11),
        HUGGINGFACE("huggingface", SecretRule.HUGGINGFACE_TOKEN, 3),
        SLACK("slack", SecretRule.SLACK_TOKEN, 5);

        private final String group;
        private final SecretRule rule;
        private final int prefix;

        TokenKind(String group, SecretRule rule, int prefix) {
            this.group = group;
            this.rule = rule;
            this.prefix = prefix;
        }

        static TokenKind of(Matcher match) {
            for (TokenKind kind : values()) {
                if (match.group(kind.group) != null) {
                    return kind;
                }
            }
            throw new IllegalStateException("token match without a kind");
        }

        SecretRule rule() {
            return rule;
        }

        int prefixLength(String value) {
            return Math.min(prefix, value.length());
        }
    }
}
