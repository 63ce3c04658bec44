package dev.autocoder.workers.analysis.secrets;

import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in a text with {@value #REDACTED}, as defence in depth before anything is published:
 * private key blocks, AWS access key ids, GitHub, Hugging Face and Slack tokens (every match of their formats,
 * placeholders included), the value of an AWS secret key assignment, the value of a secret-looking assignment
 * ({@code name=value}, {@code name: value}, {@code "name": "value"}, same names and entropy rule as
 * {@link SecretScanner}) and the password of a {@code scheme://user:password@host} URL.
 * <p>
 * Unquoted assignment values are redacted only when they contain a digit and no code punctuation
 * ({@code ( ) [ ] { }}), so code such as {@code String token = request.getHeader(name);} and prose such as
 * {@code password: Something} stay as they are. Null-safe and idempotent.
 */
@Component
public class SecretRedactor {

    public static final String REDACTED = "[REDACTED]";

    private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
    private static final Pattern CODE_PUNCTUATION = Pattern.compile("[()\\[\\]{}]");

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = redactPrivateKeys(text);
        result = SecretPatterns.TOKEN.matcher(result).replaceAll(REDACTED);
        result = replaceGroup(SecretPatterns.AWS_SECRET, result, "value", true);
        result = redactAssignments(result);
        return replaceGroup(SecretPatterns.URL_PASSWORD, result, "value", false);
    }

    private static String redactPrivateKeys(String text) {
        if (!text.contains("PRIVATE KEY")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher header = SecretPatterns.PRIVATE_KEY_HEADER.matcher(text);
        int copied = 0;
        while (header.find(copied)) {
            SecretPatterns.PemKey key = SecretPatterns.privateKeyAfter(text, header.start(), header.end());
            if (key == null) {
                out.append(text, copied, header.end());
                copied = header.end();
                continue;
            }
            out.append(text, copied, key.start()).append(REDACTED);
            copied = key.end();
            if (copied >= text.length()) {
                break;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String redactAssignments(String text) {
        Matcher assignment = SecretPatterns.ASSIGNMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (assignment.find()) {
            if (!SecretValues.isSecretName(assignment.group("name"))) {
                continue;
            }
            String value = SecretPatterns.assignedValue(assignment);
            if (SecretPatterns.isBare(assignment)) {
                value = value.replaceAll("[,;]+$", "");
                if (!HAS_DIGIT.matcher(value).find() || CODE_PUNCTUATION.matcher(value).find()) {
                    continue;
                }
            }
            if (SecretValues.isSecretAssignment(assignment.group("name"), value)) {
                int start = SecretPatterns.assignedValueStart(assignment);
                out.append(text, copied, start).append(REDACTED);
                copied = start + value.length();
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Replaces one group of every match in the text; when {@code onlyRandom}, only values that look random. */
    private static String replaceGroup(Pattern pattern, String text, String group, boolean onlyRandom) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            String value = matcher.group(group);
            if (value.equals(REDACTED) || SecretValues.isReference(value)
                    || (onlyRandom && !SecretValues.isRandomLooking(value))) {
                continue;
            }
            out.append(text, copied, matcher.start(group)).append(REDACTED);
            copied = matcher.end(group);
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }
}
