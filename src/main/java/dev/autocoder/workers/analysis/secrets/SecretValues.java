package dev.autocoder.workers.analysis.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The heuristics the scanner and the redactor share: which names hold secrets, which values look like a real
 * secret rather than a placeholder or a reference, and the fingerprint of a value.
 */
final class SecretValues {

    /** A value shorter than this is not reported as a generic secret. */
    static final int MIN_SECRET_LENGTH = 8;

    /**
     * Minimum Shannon entropy, in bits per character, of a generic secret value and of the random part of a
     * token. Random tokens score 3.5 to 6; words and repeated placeholders ({@code password},
     * {@code aaaaaaaa}, {@code changeme}) score below 3.
     */
    static final double MIN_ENTROPY = 3.0;

    /** A name holds a secret when, lower-cased without {@code _ - .}, it contains one of these. */
    private static final List<String> SECRET_NAME_PARTS =
            List.of("password", "passwd", "secret", "token", "apikey", "privatekey", "credential");

    /** Names whose last word says they hold something about a secret, not the secret (token_url, password_length). */
    private static final Set<String> NON_SECRET_LAST_WORDS = Set.of(
            "url", "uri", "endpoint", "path", "file", "dir", "name", "type", "header", "label", "prompt", "message",
            "msg", "field", "param", "pattern", "regex", "format", "length", "len", "size", "count", "min", "max",
            "ttl", "expiry", "expiration", "expires", "timeout", "enabled", "required", "policy", "mode", "prefix",
            "suffix", "column", "property", "hint", "text", "title", "placeholder", "validator", "encoder");

    /** Lower-case fragments that mark a value as a placeholder or documentation example. */
    private static final List<String> PLACEHOLDER_PARTS = List.of(
            "changeme", "change_me", "change-me", "changeit", "example", "dummy", "test", "sample", "placeholder",
            "redacted", "xxx", "****", "...", "your_", "your-", "fake");

    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*+");
    /** A property key such as {@code spring.datasource.password}: a name, not a secret. */
    private static final Pattern PROPERTY_KEY = Pattern.compile("[a-z][a-z0-9_-]*+(?:\\.[a-z0-9_-]++)++");
    /**
     * A path of fields named in words ({@code DistributionList.NextMarker}, botocore's paginators telling which
     * field of a response holds the next page's token), an element of a list among them ({@code Jobs[-1].JobId},
     * JMESPath's last element): a name, not a secret. Random text does not fall into words.
     */
    private static final Pattern FIELD_PATH = Pattern.compile(
            "[A-Za-z][a-z]++(?:[A-Z][a-z]++)*+(?:\\[-?\\d++])?+(?:\\.[A-Za-z][a-z]++(?:[A-Z][a-z]++)*+(?:\\[-?\\d++])?+)++");
    /**
     * A field named in two or more words ({@code ExclusiveStartTableName}): what a token name holds when it says which
     * field carries the token (botocore's paginators, {@code "input_token": "ExclusiveStartTableName"}, or
     * {@code "StreamNames[-1]"}: the last element's). Tokens are
     * machine-made and never fall into words; a password may ({@code CorrectHorseBatteryStaple}), so only token names.
     */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][a-z]++(?:[A-Z][a-z]++)++(?:\\[-?\\d++])?+");
    /** A date or a time stamp ({@code "PasswordLastUsed": "2016-09-08T21:47:36Z"}): when, not what. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    /** Lower-case words and separators only ({@code .qualifier}, {@code bert-base-uncased}): not random. */
    private static final Pattern LOWER_CASE_WORDS = Pattern.compile("[a-z._-]++");
    /**
     * A format template ({@code "%s_upgrades" % name}, {@code "{}-token".format(..)}, {@code f"{user}:{key}"}): the
     * value is made when the code runs, from what fills the fields.
     */
    private static final Pattern FORMAT_TEMPLATE = Pattern.compile("%[sdr]|\\{[A-Za-z0-9_.]*+}");
    /** An UPPER_SNAKE constant name ({@code CHECKSTYLE_CONFIG_FILE}): a name, not a value. */
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++");

    private SecretValues() {
    }

    static boolean isSecretName(String name) {
        String compact = compact(name);
        if (SECRET_NAME_PARTS.stream().noneMatch(compact::contains) || compact.contains("tokeniz")) {
            return false;
        }
        String[] words = NON_WORD.split(CAMEL_BOUNDARY.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
        return words.length == 0 || !NON_SECRET_LAST_WORDS.contains(words[words.length - 1]);
    }

    /**
     * True when the value assigned to this (secret) name looks like a real secret. Besides
     * {@link #isSecretValue(String)}, a value that repeats the name ({@code PASSWORD_FILE = "passwordFile"}) or
     * is a plain identifier containing a secret word ({@code "SunTlsRsaPremasterSecret"}) is a name, not a secret.
     */
    static boolean isSecretAssignment(String name, String value) {
        if (!isSecretValue(value)) {
            return false;
        }
        String compactName = compact(name);
        String compactValue = compact(value);
        if (compactName.contains(compactValue)) {
            return false;
        }
        if (compactName.contains("token") && !compactName.contains("passw") && FIELD_NAME.matcher(value).matches()) {
            return false;
        }
        return !(IDENTIFIER.matcher(value).matches() && SECRET_NAME_PARTS.stream().anyMatch(compactValue::contains));
    }

    /** True when a value assigned to a secret name looks like a real secret. */
    static boolean isSecretValue(String value) {
        if (value.length() < MIN_SECRET_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (isPlaceholder(value) || isReference(value) || isLocation(value) || FORMAT_TEMPLATE.matcher(value).find()
                || PROPERTY_KEY.matcher(value).matches() || FIELD_PATH.matcher(value).matches()
                || TIMESTAMP.matcher(value).matches()
                || LOWER_CASE_WORDS.matcher(value).matches() || CONSTANT_NAME.matcher(value).matches()) {
            return false;
        }
        return entropy(value) >= MIN_ENTROPY;
    }

    /** Lower case without {@code _ - .}: {@code API_KEY}, {@code apiKey} and {@code api.key} are all {@code apikey}. */
    private static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    }

    /** True when the random part of a recognised token format looks random (not a documentation placeholder). */
    static boolean isRandomLooking(String tokenBody) {
        return !isPlaceholder(tokenBody) && entropy(tokenBody) >= MIN_ENTROPY;
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<") && lower.endsWith(">")) {
            return true;
        }
        return PLACEHOLDER_PARTS.stream().anyMatch(lower::contains);
    }

    /** References to variables, properties or templates, and encrypted values: not the secret itself. */
    static boolean isReference(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("$") || lower.startsWith("\\$") || lower.startsWith("!") || lower.startsWith("&")
                || lower.startsWith("*")
                || (lower.startsWith("%") && lower.endsWith("%"))
                || (lower.startsWith("@") && lower.endsWith("@"))
                || (lower.startsWith("{") && lower.endsWith("}"))
                || lower.startsWith("enc(") || lower.startsWith("{cipher}")
                || lower.contains("${") || lower.contains("#{") || lower.contains("{{") || lower.contains("%(")
                || lower.contains("getenv") || lower.contains("environ") || lower.contains("env.");
    }

    /** URLs and file paths are where a secret lives, not the secret. */
    static boolean isLocation(String value) {
        return value.contains("://") || value.startsWith("./") || value.startsWith("../") || value.startsWith("~/")
                || value.startsWith("classpath:") || value.startsWith("file:")
                || (value.startsWith("/") && value.indexOf('/', 1) > 0);
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < value.length(); i++) {
            counts.merge(value.charAt(i), 1, Integer::sum);
        }
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / value.length();
            entropy -= p * (Math.log(p) / Math.log(2));
        }
        return entropy;
    }

    /** First 8 hex characters of the SHA-256 of the value. */
    static String fingerprint(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
