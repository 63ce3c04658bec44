package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.target.FleetRepositories;
import dev.autocoder.workers.testsupport.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fleet overview and the repository picker over real HTTP, on two real repositories. */
class FleetDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theOverviewHasOneLinePerTargetAndThePickerShowsOneTargetsWorkers() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Path beta = FleetRepositories.create(temp, "beta");
        Map<String, Object> properties = App.fastWorkerProperties(temp, temp.resolve("store"));
        properties.remove("autocoder.target.path");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "code-quality,security");
        properties.put("autocoder.fleet.tick", "100ms");
        properties.put("autocoder.targets[0].path", alpha.toString());
        properties.put("autocoder.targets[1].path", beta.toString());
        properties.put("autocoder.targets[1].perspectives.analysis", "security");
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            int port = App.port(context);
            await("both perspectives of alpha have an ok row").atMost(Duration.ofMinutes(2)).until(() -> {
                JsonNode line = JSON.readTree(get(port, "/api/fleet?target=" + alphaId).body());
                return line.path("workers").path(0).path("perspectives").size() == 2
                        && line.path("workers").path(0).path("rows").asLong() >= 2;
            });

            JsonNode fleet = JSON.readTree(get(port, "/api/fleet").body());
            assertThat(fleet.path("targets")).hasSize(2);
            JsonNode first = fleet.path("targets").get(0);
            assertThat(first.path("target_id").asText()).isEqualTo(alphaId);
            assertThat(first.path("repository").asText()).isEqualTo(alpha.toString());
            assertThat(first.path("status").asText()).isEqualTo("ok");
            assertThat(first.path("score").isNumber()).isTrue();
            // the planted empty catch block: code-quality finds it in main code
            assertThat(first.path("findings").fieldNames()).toIterable().containsExactly("critical", "high", "medium", "low", "info");
            int found = 0;
            for (JsonNode count : first.path("findings")) {
                found += count.asInt();
            }
            assertThat(found).isPositive();
            assertThat(first.path("last_row").path("worker").asText()).isEqualTo("analysis");
            assertThat(fleet.path("targets").get(1).path("target_id").asText()).isEqualTo(betaId);

            JsonNode betaLine = JSON.readTree(get(port, "/api/fleet?target=" + betaId).body());
            assertThat(betaLine.path("workers").path(0).path("perspectives")).extracting(p -> p.path("id").asText())
                    .containsOnly("security");
            assertThat(get(port, "/api/fleet?target=nobody-00000000").status()).isEqualTo(404);
            assertThat(get(port, "/api/fleet?target=%3Cscript%3E").status()).isEqualTo(400);

            RawHttp.Answer page = get(port, "/fleet?target=" + alphaId);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"fleet-table\"", "data-target=\"" + alphaId + "\"",
                    "data-target=\"" + betaId + "\"", "<h2 id=\"selected-target\">" + alphaId + "</h2>",
                    // JMustache escapes '=' too: the browser reads it as /fragments/fleet?target=<id>
                    "data-refresh-url=\"/fragments/fleet?target&#x3D;" + alphaId + "\"");
            RawHttp.Answer hostile = get(port, "/fragments/fleet?target=%3Cscript%3Ealert(1)%3C/script%3E");
            assertThat(hostile.status()).isEqualTo(200);
            assertThat(hostile.body()).doesNotContain("<script>").contains("id=\"unknown-target\"");
        }
    }

    private static RawHttp.Answer get(int port, String path) {
        return RawHttp.send(port, "GET", path, "localhost:" + port);
    }
}
