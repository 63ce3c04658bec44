package dev.autocoder.workers.hub.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.FakeHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy-spaces command against a fake Hub, from this repository's own files. */
class SpacesDeployerTest {

    private static final String TOKEN = "hf_" + "Deploy" + "Abcdefghijklmnopqrstuvwxyz123456";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeHub hub;

    @BeforeEach
    void startHub() {
        hub = FakeHub.start();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private int deploy(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--owner";
        args[1] = "alice";
        args[2] = "--endpoint";
        args[3] = hub.uri().toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--target-git-url", "https://github.com/acme/shop.git", "--source", Path.of(".").toAbsolutePath().toString()))
                .toArray(String[]::new);
        return DeploySpacesCommand.run(all, Map.of("HF_TOKEN", TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void createsFourDockerSpacesWithTheirFilesSecretsAndVariablesAndUpdatesInPlace() {
        hub.addUser("alice", TOKEN, true);

        assertThat(deploy()).as(err.toString(StandardCharsets.UTF_8)).isZero();

        for (SpaceDefinition space : SpaceDefinition.ALL) {
            String repo = "alice/" + space.name();
            assertThat(hub.exists("space", repo)).isTrue();
            assertThat(hub.spaceSdk(repo)).isEqualTo("docker");
            String readme = hub.fileText("space", repo, "README.md");
            assertThat(readme).startsWith("---\n").contains("sdk: docker").contains("app_port: 8080");
            assertThat(hub.files("space", repo)).containsKeys("Dockerfile", "bin/jvm-options", "pom.xml", "mvnw",
                    ".mvn/wrapper/maven-wrapper.properties", "src/main/java/dev/autocoder/workers/AutocoderApplication.java",
                    "src/main/resources/routes/workers.yaml");
            assertThat(hub.files("space", repo).keySet()).noneMatch(p -> p.startsWith("src/test/"));
            assertThat(hub.spaceSecrets(repo)).containsKeys("HF_TOKEN", "HF_USERNAME");
            assertThat(hub.spaceVariables(repo)).containsEntry("AUTOCODER_WORKERS_ENABLED", space.workers());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(hub.uri() + "/spaces/" + repo);
        }
        assertThat(hub.spaceVariables("alice/autocoder-analysis-worker"))
                .containsEntry("AUTOCODER_TARGET_GIT_URL", "https://github.com/acme/shop.git");
        assertThat(hub.spaceVariables("alice/autocoder-dashboard")).containsEntry("AUTOCODER_DASHBOARD_SOURCE", "hub")
                .containsEntry("AUTOCODER_DASHBOARD_ALLOWED_HOSTS", "alice-autocoder-dashboard.hf.space")
                .doesNotContainKey("AUTOCODER_TARGET_GIT_URL");

        // a second run changes nothing that is already there
        int commits = hub.commits("space", "alice/autocoder-analysis-worker").size();
        assertThat(deploy()).isZero();
        assertThat(hub.commits("space", "alice/autocoder-analysis-worker")).hasSize(commits);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 files updated");
        assertThat(hub.violations()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    @Test
    void theStaticDashboardIsAFreeStaticSpaceWithItsPageAndAConfigNamingTheHubAndTheOwner() throws Exception {
        hub.addUser("alice", TOKEN, false); // a free account: static Spaces stay free

        int code = DeploySpacesCommand.run(new String[]{"--static-dashboard", "--owner", "alice", "--endpoint",
                        hub.uri() + "/", "--source", Path.of(".").toAbsolutePath().toString()},
                Map.of("HF_TOKEN", TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String repo = "alice/" + StaticDashboardSpace.NAME;
        assertThat(hub.spaceSdk(repo)).isEqualTo("static");
        assertThat(hub.isPrivate("space", repo)).isFalse();
        // .gitattributes is the Hub's own, from the repository's creation
        assertThat(hub.files("space", repo).keySet()).containsExactlyInAnyOrder(".gitattributes", "README.md", "index.html",
                "dashboard.js", "dashboard.css", "config.json");
        assertThat(hub.fileText("space", repo, "README.md")).startsWith("---\n").contains("\nsdk: static\n")
                .doesNotContain("app_port");
        for (String page : StaticDashboardSpace.PAGE_FILES) {
            assertThat(hub.files("space", repo).get(page)).isEqualTo(Files.readAllBytes(Path.of("spaces/static-dashboard", page)));
        }
        JsonNode config = new ObjectMapper().readTree(hub.fileText("space", repo, "config.json"));
        assertThat(config.path("endpoint").asText()).isEqualTo(hub.uri().toString());
        assertThat(config.path("owner").asText()).isEqualTo("alice");
        assertThat(config.path("workers").findValuesAsText("dataset")).containsExactly("autocoder-analysis-results",
                "autocoder-test-planning-results", "autocoder-implementation-results");
        // the page reads public datasets: no token, secret or variable goes to the Space
        assertThat(hub.spaceSecrets(repo)).isEmpty();
        assertThat(hub.spaceVariables(repo)).isEmpty();
        hub.files("space", repo).values().forEach(content -> assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain(TOKEN));
        assertThat(hub.exists("space", "alice/autocoder-dashboard")).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(hub.uri() + "/spaces/" + repo)
                .contains("https://alice-autocoder-static-dashboard.static.hf.space");

        // a second run sends nothing
        int commits = hub.commits("space", repo).size();
        assertThat(DeploySpacesCommand.run(new String[]{"--static-dashboard", "--owner", "alice", "--endpoint",
                        hub.uri().toString()}, Map.of("HF_TOKEN", TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(hub.commits("space", repo)).hasSize(commits);
        assertThat(hub.violations()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    @Test
    void theStaticDashboardNeedsItsFolder(@TempDir Path elsewhere) {
        hub.addUser("alice", TOKEN, false);

        int code = DeploySpacesCommand.run(new String[]{"--static-dashboard", "--owner", "alice", "--endpoint",
                        hub.uri().toString(), "--source", elsewhere.toString()}, Map.of("HF_TOKEN", TOKEN),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("spaces/static-dashboard/index.html")
                .contains("spaces/static-dashboard/config.json").contains("--source");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aFreeAccountIsToldPlainlyThatDockerSpacesNeedAPaidPlan() {
        hub.addUser("alice", TOKEN, false);

        assertThat(deploy()).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("402").contains("paid accounts")
                .contains("any container host").doesNotContain(TOKEN);
        assertThat(hub.exists("space", "alice/autocoder-analysis-worker")).isFalse();
    }

    @Test
    void aSourceWithoutSpacesIsRefusedBeforeTheHubIsCalled(@TempDir Path elsewhere) throws Exception {
        hub.addUser("alice", TOKEN, true);
        Files.writeString(elsewhere.resolve("pom.xml"), "<project/>");

        int code = DeploySpacesCommand.run(new String[]{"--owner", "alice", "--endpoint", hub.uri().toString(),
                        "--target-git-url", "https://github.com/acme/shop.git", "--source", elsewhere.toString()},
                Map.of("HF_TOKEN", TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(elsewhere.resolve("spaces").toString() + " is missing")
                .contains("--source");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aSourceMissingABuildFileIsRefusedNamingIt(@TempDir Path copy) throws Exception {
        hub.addUser("alice", TOKEN, true);
        for (SpaceDefinition space : SpaceDefinition.ALL) {
            Path readme = copy.resolve("spaces").resolve(space.folder()).resolve("README.md");
            Files.createDirectories(readme.getParent());
            Files.copy(Path.of("spaces", space.folder(), "README.md"), readme);
        }
        Files.createDirectories(copy.resolve("src/main"));
        Files.copy(Path.of("Dockerfile"), copy.resolve("Dockerfile"));
        Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));

        int code = DeploySpacesCommand.run(new String[]{"--owner", "alice", "--endpoint", hub.uri().toString(),
                        "--target-git-url", "https://github.com/acme/shop.git", "--source", copy.toString()},
                Map.of("HF_TOKEN", TOKEN), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bin/jvm-options").contains("mvnw")
                .contains(".mvn/wrapper/maven-wrapper.properties").doesNotContain("spaces/dashboard/README.md");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void withoutATokenItExplainsWhatIsMissing() {
        int code = DeploySpacesCommand.run(new String[]{"--owner", "alice"}, Map.of(), new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Set HF_TOKEN");
    }
}
