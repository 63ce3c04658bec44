package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Hashes, encodings and the format rules of the Hub protocol, shared by the fake's handlers. */
final class FakeHubFormats {

    /** Strict JSON: trailing tokens and duplicate keys are malformed, as a real JSON API would treat them. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** huggingface_hub constants.REGEX_COMMIT_OID: a full or short commit sha. */
    static final Pattern COMMIT_OID = Pattern.compile("[0-9a-fA-F]{5,40}");
    /** huggingface_hub validate_repo_id: word characters, '-' and '.', 1 to 96, starting and ending with a word character. */
    private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Regular (non-LFS) files above this size are refused by the Hub whatever the configured threshold. */
    static final long MAX_REGULAR_FILE = 10L * 1024 * 1024;
    static final int SAMPLE_BYTES = 512;
    private static final DateTimeFormatter HUB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FakeHubFormats() {
    }

    static String sha256Hex(byte[] bytes) {
        return hex("SHA-256", bytes);
    }

    static String sha1Hex(byte[] bytes) {
        return hex("SHA-1", bytes);
    }

    static String md5Hex(byte[] bytes) {
        return hex("MD5", bytes);
    }

    /** The git blob id: sha1("blob " + length + "\0" + bytes), what the Hub reports as a regular file's oid. */
    static String gitBlobSha1(byte[] content) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream(content.length + 32);
        blob.writeBytes(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(content);
        return sha1Hex(blob.toByteArray());
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * Standard base64 (RFC 4648 alphabet with '+' and '/', padded to a multiple of 4), as Python's b64encode
     * and Java's Base64.getEncoder() produce. Null when the text is not exactly that.
     */
    static byte[] decodeStandardBase64(String text) {
        if (text.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes %XX escapes as UTF-8 bytes; '+' stays '+' (this is a path, not a form). Null when malformed. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return strictUtf8(bytes.toByteArray());
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** What is wrong with a path inside a repository, or null when it is a clean relative path. */
    static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "path must be a non-empty string";
        }
        if (path.startsWith("/")) {
            return "path '" + path + "' must be relative to the repository root (no leading '/')";
        }
        if (path.indexOf('\\') >= 0) {
            return "path '" + path + "' must use '/' as the separator, not '\\'";
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return "path '" + path.replaceAll("\\p{Cntrl}", "?") + "' contains a control character";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "path '" + path + "' has an empty segment (leading, trailing or doubled '/')";
            }
            if (segment.equals("..") || segment.equals(".")) {
                return "path '" + path + "' must not contain '" + segment + "' segments";
            }
        }
        return null;
    }

    /** What is wrong with a repository name (without namespace), or null when the Hub accepts it. */
    static String repoNameProblem(String name) {
        if (name.contains("/")) {
            return "name '" + name + "' must not contain '/': send the namespace as 'organization'";
        }
        if (!REPO_NAME.matcher(name).matches() || name.contains("--") || name.contains("..") || name.endsWith(".git")) {
            return "name '" + name + "' is not a valid repo name: use letters, digits, '-', '_', '.', at most 96,"
                    + " not starting or ending with '-' or '.', without '--' or '..', not ending with '.git'";
        }
        return null;
    }

    /** Secrets and variables become environment variables of the Space container. */
    static boolean isEnvName(String key) {
        return ENV_NAME.matcher(key).matches();
    }

    /** The Hub's timestamp format, e.g. 2026-01-02T03:04:05.000Z. */
    static String isoTime(Instant instant) {
        return HUB_TIME.format(instant);
    }

    /** A 24-hex object id (the Hub's ids are Mongo ObjectIds), stable for the same seed. */
    static String objectId(String seed) {
        return sha1Hex(seed.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /** Whether the node is a JSON integer that fits a long and is not negative. */
    static boolean isNonNegativeInteger(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0;
    }

    /** Whether the first 512 bytes hold a NUL byte: the Hub's "binary" test for the upload mode. */
    static boolean looksBinary(byte[] sample) {
        int limit = Math.min(sample.length, SAMPLE_BYTES);
        for (int i = 0; i < limit; i++) {
            if (sample[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
