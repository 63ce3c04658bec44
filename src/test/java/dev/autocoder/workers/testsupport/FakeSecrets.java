package dev.autocoder.workers.testsupport;

import java.util.Random;

/**
 * Builds realistic fake secrets at run time, so the test sources never contain a secret-shaped literal
 * (which would trip secret scanners on this repository itself). A fixed seed keeps them reproducible.
 */
public final class FakeSecrets {

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE64 = ALNUM + "+/";
    private static final String PASSWORD_CHARS = ALNUM + "!@%^&*-_+";

    private final Random random;

    public FakeSecrets(long seed) {
        this.random = new Random(seed);
    }

    public String of(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    public String digits(int length) {
        return of("0123456789", length);
    }

    public String awsAccessKeyId() {
        return "AK" + "IA" + of(UPPER_ALNUM, 16);
    }

    public String awsSecretAccessKey() {
        return of(BASE64, 40);
    }

    public String githubToken() {
        return "gh" + "p_" + of(ALNUM, 36);
    }

    public String githubFineGrainedToken() {
        return "github" + "_pat_" + of(ALNUM, 22) + "_" + of(ALNUM, 59);
    }

    public String huggingFaceToken() {
        return "h" + "f_" + of(ALNUM, 34);
    }

    public String slackToken() {
        return "xo" + "xb-" + digits(12) + "-" + digits(13) + "-" + of(ALNUM, 24);
    }

    public String password(int length) {
        return of(PASSWORD_CHARS, length);
    }

    /** Base64 body lines of a PEM key (64 characters each, as PEM writes them). */
    public String[] pemBodyLines(int lines) {
        String[] body = new String[lines];
        for (int i = 0; i < lines; i++) {
            body[i] = of(BASE64, 64);
        }
        return body;
    }

    public static String pemHeader(String type) {
        return "-----BEGIN " + type + "PRIVATE" + " KEY-----";
    }

    public static String pemFooter(String type) {
        return "-----END " + type + "PRIVATE" + " KEY-----";
    }

    /** A whole PEM private key file (PKCS#8 header) with {@code lines} random body lines. */
    public String privateKeyPem(int lines) {
        return pemHeader("") + "\n" + String.join("\n", pemBodyLines(lines)) + "\n" + pemFooter("") + "\n";
    }
}
