package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.testsupport.FakeSecrets;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SecretScannerTest {

    /** The size limit the test snapshot applies, like the configured analysis.max-file-size. */
    private static final long MAX_FILE_SIZE = 256 * 1024;

    @TempDir
    Path root;

    private final FakeSecrets fake = new FakeSecrets(20240611L);
    private final SecretScanner scanner = new SecretScanner();
    /** Every planted secret value; none of them may leak into any finding field. */
    private final List<String> planted = new ArrayList<>();

    private String rsaBody;
    private String pkcs8Body;

    @BeforeEach
    void plantFixtureTree() throws IOException {
        String[] rsaLines = fake.pemBodyLines(12);
        rsaBody = String.join("", rsaLines);
        write("config/id_rsa",
                FakeSecrets.pemHeader("RSA "),
                String.join("\n", rsaLines),
                FakeSecrets.pemFooter("RSA "));

        String[] pkcs8Lines = fake.pemBodyLines(10);
        pkcs8Body = String.join("", pkcs8Lines);
        String clientSecret = keep(fake.of(FakeSecrets.ALNUM, 24));
        write("src/main/resources/service-account.json",
                "{",
                "  \"type\": \"service_account\",",
                "  \"private_key\": \"" + FakeSecrets.pemHeader("") + "\\n" + String.join("\\n", pkcs8Lines) + "\\n"
                        + FakeSecrets.pemFooter("") + "\\n\",",
                "  \"client_secret\": \"" + clientSecret + "\",",
                "  \"token_uri\": \"https://oauth2.googleapis.com/token\"",
                "}");

        write("src/main/resources/application.properties",
                "spring.datasource.url=jdbc:postgresql://localhost/app",
                "spring.datasource.password=" + keep(fake.password(16)),
                "app.api-key=${API_KEY}",
                "app.token=changeme",
                "app.secret=",
                "aws.secret-access-key=" + keep(fake.awsSecretAccessKey()),
                "error.password.message=Password is wrong",
                "app.client-secret=****************");

        write("deploy/.env",
                "AWS_ACCESS_KEY_ID=" + keep(fake.awsAccessKeyId()),
                "AWS_SECRET_ACCESS_KEY=" + keep(fake.awsSecretAccessKey()),
                "HF_TOKEN=" + keep(fake.huggingFaceToken()),
                "DB_PASSWORD=",
                "GITHUB_TOKEN=$GH_TOKEN",
                "API_KEY=xxxxxxxxxxxxxxxx",
                "SESSION_SECRET=" + keep(fake.password(24)) + "  # rotated monthly");

        write("scripts/deploy.sh",
                "#!/bin/sh",
                "export SLACK_TOKEN=\"" + keep(fake.slackToken()) + "\"",
                "curl -H \"Authorization: token " + keep(fake.githubToken()) + "\" https://api.github.com/user",
                "PASSWORD=\"$(cat /run/secrets/db)\"");

        write("src/main/java/com/acme/Config.java",
                "package com.acme;",
                "",
                "class Config {",
                "    private static final String API_KEY = \"" + keep(fake.of(FakeSecrets.ALNUM, 32)) + "\";",
                "    private String password = System.getenv(\"DB_PASSWORD\");",
                "    private String dummyPassword = \"dummy-password-1\";",
                "    private static final String PASSWORD_PROPERTY = \"app.password\";",
                "    String token = \"" + keep(fake.githubFineGrainedToken()) + "\";",
                "    String secret = \"<hello-world>\";",
                "    boolean check(String token) { return token == \"abcdefgh\"; }",
                "    String label = \"Enter your password\";",
                "    String testToken = \"test-token-123456\";",
                "}");

        write("ui/settings.ts",
                "const config = { apiKey: \"" + keep(fake.of(FakeSecrets.ALNUM, 20)) + "\", tokenUrl: \"https://id.acme.io/token\" };",
                "let password: string = \"" + keep(fake.password(14)) + "\";",
                "const token = process.env.API_TOKEN;");

        write("src/main/resources/settings.xml",
                "<settings>",
                "  <server>",
                "    <password>" + keep(fake.of(FakeSecrets.ALNUM, 16)) + "</password>",
                "    <password>${env.MAVEN_PASSWORD}</password>",
                "  </server>",
                "</settings>");

        write("config/app.yml",
                "spring:",
                "  datasource:",
                "    password: \"" + keep(fake.password(20)) + "\"",
                "    username: admin",
                "  security:",
                "    client-secret: ${CLIENT_SECRET:}",
                "    jwt-secret: " + keep(fake.of(FakeSecrets.ALNUM, 32)),
                "    token: <your-token-here>");

        write("app/settings.py",
                "SECRET_KEY = 'django-insecure-" + keep(fake.of(FakeSecrets.ALNUM, 40)) + "'",
                "password = os.environ[\"DB_PASSWORD\"]");

        write("docs/README.md",
                "Set `GITHUB_TOKEN` to a token like " + "gh" + "p_" + "x".repeat(36) + ".",
                "AWS documents the example key " + "AK" + "IAIOSFODNN7EXAMPLE" + ".");

        // Skipped inputs: a binary file, a file over the size limit, a minified line over the line cap.
        byte[] binary = ("PNG\0\0" + fake.awsAccessKeyId()).getBytes(StandardCharsets.ISO_8859_1);
        writeBytes("assets/logo.png", binary);
        String hugeToken = fake.githubToken();
        planted.add(hugeToken);
        writeBytes("data/huge.env", ("GITHUB_TOKEN=" + hugeToken + "\n" + "# filler\n".repeat(30_000))
                .getBytes(StandardCharsets.UTF_8));
        String minifiedToken = fake.githubToken();
        planted.add(minifiedToken);
        write("web/app.min.js",
                "var a=1;".repeat(400) + "var t=\"" + minifiedToken + "\";" + "var b=2;".repeat(400),
                "var ok=true;");
    }

    @Test
    void findsEachPlantedSecretAtItsFileAndLine() {
        SecretScanResult result = scanner.scan(snapshot());

        assertThat(result.findings())
                .extracting(SecretFinding::file, SecretFinding::line, SecretFinding::rule)
                .containsExactly(
                        tuple("app/settings.py", 1, "generic-secret-assignment"),
                        tuple("config/app.yml", 3, "generic-secret-assignment"),
                        tuple("config/app.yml", 7, "generic-secret-assignment"),
                        tuple("config/id_rsa", 1, "private-key"),
                        tuple("deploy/.env", 1, "aws-access-key-id"),
                        tuple("deploy/.env", 2, "aws-secret-access-key"),
                        tuple("deploy/.env", 3, "huggingface-token"),
                        tuple("deploy/.env", 7, "generic-secret-assignment"),
                        tuple("scripts/deploy.sh", 2, "slack-token"),
                        tuple("scripts/deploy.sh", 3, "github-token"),
                        tuple("src/main/java/com/acme/Config.java", 4, "generic-secret-assignment"),
                        tuple("src/main/java/com/acme/Config.java", 8, "github-token"),
                        tuple("src/main/resources/application.properties", 2, "generic-secret-assignment"),
                        tuple("src/main/resources/application.properties", 6, "aws-secret-access-key"),
                        tuple("src/main/resources/service-account.json", 3, "private-key"),
                        tuple("src/main/resources/service-account.json", 4, "generic-secret-assignment"),
                        tuple("src/main/resources/settings.xml", 3, "generic-secret-assignment"),
                        tuple("ui/settings.ts", 1, "generic-secret-assignment"),
                        tuple("ui/settings.ts", 2, "generic-secret-assignment"));
    }

    @Test
    void countsWhatItCouldNotScan() {
        SecretScanResult result = scanner.scan(snapshot());

        assertThat(result.filesScanned()).isEqualTo(12);
        assertThat(result.binaryFilesSkipped()).isEqualTo(1);
        assertThat(result.oversizedFilesSkipped()).isEqualTo(1);
        assertThat(result.longLinesSkipped()).isEqualTo(1);
        assertThat(result.unreadableFiles()).isEmpty();
    }

    @Test
    void severitiesFollowTheRule() {
        SecretScanResult result = scanner.scan(snapshot());

        assertThat(result.findings()).allSatisfy(finding ->
                assertThat(finding.severity()).isEqualTo(switch (finding.rule()) {
                    case "private-key", "aws-access-key-id", "aws-secret-access-key", "github-token" -> Severity.CRITICAL;
                    case "huggingface-token", "slack-token" -> Severity.HIGH;
                    default -> Severity.MEDIUM;
                }));
    }

    @Test
    void fingerprintIsTheStartOfTheSha256OfTheValue() {
        SecretScanResult result = scanner.scan(snapshot());

        assertThat(result.findings()).filteredOn(f -> f.file().equals("config/id_rsa")).singleElement()
                .satisfies(f -> assertThat(f.fingerprint()).isEqualTo(sha256Prefix(rsaBody)));
        assertThat(result.findings()).filteredOn(f -> f.file().endsWith("service-account.json") && f.rule().equals("private-key"))
                .singleElement().satisfies(f -> assertThat(f.fingerprint()).isEqualTo(sha256Prefix(pkcs8Body)));
        String slack = planted.stream().filter(v -> v.startsWith("xo" + "xb-")).findFirst().orElseThrow();
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("slack-token")).singleElement()
                .satisfies(f -> assertThat(f.fingerprint()).isEqualTo(sha256Prefix(slack)));
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.fingerprint()).matches("[0-9a-f]{8}"));
    }

    @Test
    void messagesNameTheKindAndFingerprint() {
        SecretScanResult result = scanner.scan(snapshot());

        SecretFinding slack = result.findings().stream().filter(f -> f.rule().equals("slack-token")).findFirst().orElseThrow();
        assertThat(slack.message()).isEqualTo("Slack token committed to the repository (fingerprint " + slack.fingerprint()
                + "). Revoke or rotate it, then load it from the environment or a secret store.");
        SecretFinding yaml = result.findings().stream().filter(f -> f.file().equals("config/app.yml") && f.line() == 7)
                .findFirst().orElseThrow();
        assertThat(yaml.message()).isEqualTo("Hard-coded secret assigned to 'jwt-secret' (fingerprint " + yaml.fingerprint()
                + "). Rotate it if it was real, then load it from the environment or a secret store.");
    }

    @Test
    void rowFindingsHaveStableIdsFromFingerprintAndRule() {
        SecretScanResult result = scanner.scan(snapshot());

        List<Finding> findings = result.toFindings();
        assertThat(findings).hasSize(result.findings().size());
        for (int i = 0; i < findings.size(); i++) {
            SecretFinding secret = result.findings().get(i);
            Finding finding = findings.get(i);
            assertThat(finding.id()).isEqualTo(Finding.idFor(secret.rule(), secret.file(), secret.fingerprint() + " " + secret.rule()));
            assertThat(finding.category()).isEqualTo("secrets");
            assertThat(finding.rule()).isEqualTo(secret.rule());
            assertThat(finding.severity()).isEqualTo(secret.severity());
            assertThat(finding.file()).isEqualTo(secret.file());
            assertThat(finding.line()).isEqualTo(secret.line());
            assertThat(finding.endLine()).isEqualTo(secret.line());
            assertThat(finding.message()).isEqualTo(secret.message());
        }
        assertThat(scanner.scan(snapshot()).toFindings()).extracting(Finding::id)
                .containsExactlyElementsOf(findings.stream().map(Finding::id).toList());
    }

    @Test
    void noFindingFieldContainsAnyPartOfASecretValue() {
        SecretScanResult result = scanner.scan(snapshot());
        List<String> published = new ArrayList<>();
        for (SecretFinding secret : result.findings()) {
            published.add(secret.toString());
        }
        for (Finding finding : result.toFindings()) {
            published.add(finding.toString());
        }
        List<String> values = new ArrayList<>(planted);
        values.add(rsaBody);
        values.add(pkcs8Body);

        for (String planted : values) {
            // A token's format prefix (github_pat_, ghp_, hf_, xoxb-, AKIA) is public; everything after it is secret.
            String value = planted.replaceFirst("^(github_pat_|gh[pousr]_|hf_|xox[baprs]-|AKIA|ASIA)", "");
            for (int i = 0; i + 6 <= value.length(); i++) {
                String part = value.substring(i, i + 6);
                assertThat(published).as("no finding contains \"%s\", a part of a secret", part)
                        .noneMatch(text -> text.contains(part));
            }
        }
    }

    @Test
    void sameSecretInTwoPlacesHasTheSameFingerprint() {
        String token = fake.githubToken();
        List<SecretFinding> first = scanner.scanText("a/.env", "GITHUB_TOKEN=" + token);
        List<SecretFinding> second = scanner.scanText("b/Main.java", "String t = \"" + token + "\";");

        assertThat(first).singleElement().extracting(SecretFinding::rule).isEqualTo("github-token");
        assertThat(second).singleElement().extracting(SecretFinding::fingerprint).isEqualTo(first.get(0).fingerprint());
    }

    @Test
    void unquotedValuesCountOnlyInConfigurationFiles() {
        String value = fake.password(18);

        assertThat(scanner.scanText("conf/app.properties", "db.password=" + value)).hasSize(1);
        assertThat(scanner.scanText("conf/app.conf", "db.password = " + value)).hasSize(1);
        assertThat(scanner.scanText("src/App.java", "db.password = " + value + ";")).isEmpty();
        assertThat(scanner.scanText("src/App.java", "db.password = \"" + value + "\";")).hasSize(1);
        // prose after the value: a sentence, not an assignment
        assertThat(scanner.scanText("conf/app.properties", "password.hint=" + value + " or something else")).isEmpty();
    }

    @Test
    void placeholdersAndReferencesAreNotReported() {
        List<String> lines = List.of(
                "password=${DB_PASSWORD}", "password=changeme", "password=<password>", "password=****",
                "password=xxxxxxxx", "password=example-Pa55word", "password=dummyValue99", "password=test1234XYZ",
                "password=", "password=\"\"", "password=$DB_PASSWORD", "password=%DB_PASSWORD%", "password=@db.password@",
                "password=ENC(aGVsbG8gd29ybGQ=)", "password=aaaaaaaaaaaa", "token_url=https://example.org/oauth/token",
                "secret_file=/etc/app/secret.txt", "password_length=12345678");

        for (String line : lines) {
            assertThat(scanner.scanText("conf/app.properties", line)).as(line).isEmpty();
        }
    }

    @Test
    void namesLabelsAndExpressionsAreNotSecrets() {
        List<String[]> cases = List.of(
                new String[] {"src/A.java", "private static final String PASSWORD_FILE_OPTION = \"passwordFile\";"},
                new String[] {"src/A.java", "public static final String INVALID_NMTOKEN = \"INVALID_NMTOKEN\";"},
                new String[] {"src/A.java", "String name = ok ? \"SunTls12RsaPremasterSecret\" : \"SunTlsRsaPremasterSecret\";"},
                new String[] {"lib/sign.py", "def sign(private_key: \"_RSAPrivateKey\", data: bytes):"},
                new String[] {"lib/sign.pyi", "    private_key: typing.Optional[PRIVATE_KEY_TYPES],"},
                new String[] {"pom.xml", "<replacefilter token=\".qualifier\" value=\".${commit.time.version}\"/>"},
                new String[] {"pom.xml", "<filter token=\"CHECKSTYLE_CONFIG_FILE\" value=\"${workspace}/checkstyle.xml\" />"},
                new String[] {"conf/app.properties", "tokenizer=bert-base-uncased"},
                new String[] {"conf/app.properties", "auth.token-header=X-Auth-Token-Header-Name"},
                // format templates, filled when the code runs (alembic's multidb template)
                new String[] {"env.py", "    upgrade_token=\"%s_upgrades\" % name,"},
                new String[] {"env.py", "session_token = \"{}-Q7xZ9k2p\".format(user)"},
                new String[] {"env.py", "auth_token = f\"{user}:{api_key}\""},
                // botocore's paginators name the response field that holds the next page's token
                new String[] {"data/paginators-1.json", "      \"output_token\": \"CloudFrontOriginAccessIdentityList.NextMarker\","},
                new String[] {"data/paginators-1.json", "      \"input_token\": \"EngineDefaults.Marker\","},
                new String[] {"data/paginators-1.json", "      \"input_token\": \"ExclusiveStartTableName\","},
                new String[] {"data/paginators-1.json", "      \"output_token\": \"LastEvaluatedKey\","},
                // JMESPath's last element of a list
                new String[] {"data/paginators-1.json", "      \"output_token\": \"Jobs[-1].JobId\","},
                new String[] {"data/paginators-1.json", "      \"output_token\": \"StreamNames[-1]\","},
                // when a password was last used, not the password
                new String[] {"data/users.json", "      \"PasswordLastUsed\": \"2016-09-08T21:47:36Z\","});

        for (String[] c : cases) {
            assertThat(scanner.scanText(c[0], c[1])).as(c[1]).isEmpty();
        }
        // a password made of words is a password; only a dotted path of them, or words a token name holds, name a field
        assertThat(scanner.scanText("conf/app.properties", "password=CorrectHorseBatteryStaple")).hasSize(1);
        // a token in words is the name of the field that holds one; a token with a digit or a symbol is one
        assertThat(scanner.scanText("conf/app.properties", "api_token=Q7xZ9k2pLm4RtWvB")).hasSize(1);
    }

    @Test
    void aFileThatCannotBeReadIsSkippedAndNamed() throws IOException {
        Snapshot snapshot = snapshot();
        Files.delete(root.resolve("deploy/.env"));

        SecretScanResult result = scanner.scan(snapshot);

        assertThat(result.unreadableFiles()).containsExactly("deploy/.env");
        assertThat(result.filesScanned()).isEqualTo(11);
        assertThat(result.findings()).extracting(SecretFinding::file).doesNotContain("deploy/.env").hasSize(15);
    }

    @Test
    void pemHeaderWithoutKeyMaterialIsNotAKey() {
        String parser = "if (pem.startsWith(\"" + FakeSecrets.pemHeader("") + "\")) {\n    return parse(pem);\n}\n"
                + "String footer = \"" + FakeSecrets.pemFooter("") + "\";";

        assertThat(scanner.scanText("src/Pem.java", parser)).isEmpty();
    }

    @Test
    void pathologicalLinesAreScannedWithoutFailing() {
        String escapes = "password = \"" + "\\\"".repeat(2_400) + "\"";
        String names = "a".repeat(4_990) + "=b";
        String tokens = "token=".repeat(800);

        assertThat(scanner.scanText("src/A.java", escapes)).isEmpty();
        assertThat(scanner.scanText("conf/a.properties", names)).isEmpty();
        assertThat(scanner.scanText("conf/a.properties", tokens)).isEmpty();
        assertThat(scanner.scanText("conf/a.properties", null)).isEmpty();
    }

    private String keep(String secret) {
        planted.add(secret);
        return secret;
    }

    private void write(String path, String... lines) throws IOException {
        writeBytes(path, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** A snapshot of the temp folder, with the binary and oversized flags computed as the inventory does. */
    private Snapshot snapshot() {
        try (Stream<Path> paths = Files.walk(root)) {
            List<SourceFile> files = paths.filter(Files::isRegularFile).map(this::sourceFile).toList();
            return new Snapshot(root, root.toString(), null, false, Instant.EPOCH, files, "fixture");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private SourceFile sourceFile(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String path = root.relativize(file).toString().replace('\\', '/');
            boolean binary = false;
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                binary |= bytes[i] == 0;
            }
            boolean oversized = bytes.length > MAX_FILE_SIZE;
            int lines = binary || oversized ? 0 : (int) new String(bytes, StandardCharsets.UTF_8).lines().count();
            String hash = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
            return new SourceFile(path, Language.of(path), bytes.length, lines, hash, binary, oversized);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Prefix(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
