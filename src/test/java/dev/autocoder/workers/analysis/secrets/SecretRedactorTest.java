package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.testsupport.FakeSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();
    private final FakeSecrets fake = new FakeSecrets(7L);

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.redact("")).isEmpty();
    }

    @Test
    void redactsEveryTokenFormat() {
        String github = fake.githubToken();
        String fineGrained = fake.githubFineGrainedToken();
        String huggingFace = fake.huggingFaceToken();
        String slack = fake.slackToken();
        String aws = fake.awsAccessKeyId();

        assertThat(redactor.redact("curl -H \"Authorization: token " + github + "\" https://api.github.com"))
                .isEqualTo("curl -H \"Authorization: token [REDACTED]\" https://api.github.com");
        assertThat(redactor.redact("pat " + fineGrained + ".")).isEqualTo("pat [REDACTED].");
        assertThat(redactor.redact("login with " + huggingFace)).isEqualTo("login with [REDACTED]");
        assertThat(redactor.redact("hook(" + slack + ")")).isEqualTo("hook([REDACTED])");
        assertThat(redactor.redact("key " + aws + " is active")).isEqualTo("key [REDACTED] is active");
        // every match of a format goes, even a placeholder-looking one
        assertThat(redactor.redact("gh" + "p_" + "x".repeat(36))).isEqualTo("[REDACTED]");
    }

    @Test
    void redactsAPrivateKeyBlockWholly() {
        String[] body = fake.pemBodyLines(6);
        String text = "before\n" + FakeSecrets.pemHeader("RSA ") + "\n" + String.join("\n", body) + "\n"
                + FakeSecrets.pemFooter("RSA ") + "\nafter";

        assertThat(redactor.redact(text)).isEqualTo("before\n[REDACTED]\nafter");
    }

    @Test
    void redactsAnEscapedPrivateKeyInJsonAndATruncatedOne() {
        String[] body = fake.pemBodyLines(4);
        String json = "{\"private_key\": \"" + FakeSecrets.pemHeader("") + "\\n" + String.join("\\n", body) + "\\n"
                + FakeSecrets.pemFooter("") + "\\n\", \"type\": \"service_account\"}";
        String truncated = FakeSecrets.pemHeader("EC ") + "\n" + String.join("\n", body);

        assertThat(redactor.redact(json)).isEqualTo("{\"private_key\": \"[REDACTED]\\n\", \"type\": \"service_account\"}");
        assertThat(redactor.redact(truncated)).isEqualTo("[REDACTED]");
    }

    @Test
    void redactsSecretAssignmentValuesAndKeepsTheNames() {
        Map<String, String> expected = new LinkedHashMap<>();
        String password = "Zq7" + fake.password(12);
        String clientSecret = fake.of(FakeSecrets.ALNUM, 24);
        String awsSecret = fake.awsSecretAccessKey();
        String urlPassword = fake.of(FakeSecrets.ALNUM, 14);
        expected.put("db.password=" + password, "db.password=[REDACTED]");
        expected.put("password: " + password + " was rejected", "password: [REDACTED] was rejected");
        expected.put("{\"client_secret\": \"" + clientSecret + "\", \"id\": 3}", "{\"client_secret\": \"[REDACTED]\", \"id\": 3}");
        expected.put("String apiKey = \"" + clientSecret + "\";", "String apiKey = \"[REDACTED]\";");
        expected.put("aws_secret_access_key = " + awsSecret, "aws_secret_access_key = [REDACTED]");
        expected.put("git clone https://deploy:" + urlPassword + "@git.acme.io/repo.git",
                "git clone https://deploy:[REDACTED]@git.acme.io/repo.git");

        expected.forEach((input, output) -> assertThat(redactor.redact(input)).as(input).isEqualTo(output));
    }

    @Test
    void isIdempotent() {
        String[] inputs = {
                "token " + fake.githubToken(),
                FakeSecrets.pemHeader("") + "\n" + String.join("\n", fake.pemBodyLines(3)) + "\n" + FakeSecrets.pemFooter(""),
                "db.password=Zq7" + fake.password(12),
                "{\"client_secret\": \"" + fake.of(FakeSecrets.ALNUM, 24) + "\"}",
                "https://deploy:" + fake.of(FakeSecrets.ALNUM, 14) + "@git.acme.io/repo.git",
                "aws_secret_access_key: " + fake.awsSecretAccessKey()};

        for (String input : inputs) {
            String once = redactor.redact(input);
            assertThat(once).as(input).contains(SecretRedactor.REDACTED);
            assertThat(redactor.redact(once)).as(input).isEqualTo(once);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "String token = request.getHeader(name);",
            "this.password = password;",
            "if (token == null) { return; }",
            "const token = process.env.API_TOKEN;",
            "password: Something went wrong",
            "app.token=${APP_TOKEN}",
            "password=changeme",
            "private static final String PASSWORD_PROPERTY = \"app.password\";",
            "tokenizer = \"bert-base-uncased\"",
            "max_tokens: 4096",
            "Predictable random numbers used for a secret value; use java.security.SecureRandom",
            "Hard-coded secret assigned to 'db.password' (fingerprint 1a2b3c4d). Rotate it if it was real.",
            "if (pem.startsWith(\"-----BEGIN PRIVATE KEY-----\")) { return parse(pem); }",
            "See https://github.com/acme/repo and https://huggingface.co/models for details.",
            "Methods with a cyclomatic complexity over 10: 42 of 1,337 (3.1%).",
            "secret_file=/etc/app/secret.txt",
            "url: jdbc:postgresql://localhost:5432/app",
            "password:\nAbc123Def456Ghi is on the next line, not assigned"})
    void leavesOrdinaryTextAndCodeAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }
}
