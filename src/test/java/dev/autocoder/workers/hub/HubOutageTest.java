package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dashboard.SidecarWorker;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.DATASET;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static dev.autocoder.workers.hub.HubTestApp.iterations;
import static dev.autocoder.workers.hub.HubTestApp.localRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ten-minute Hub outage and a storm of 429s, on a clock the test moves: the sync waits them out (exponential
 * backoff, Retry-After) instead of retrying on every tick, and afterwards every row lands exactly once.
 */
class HubOutageTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void anOutageAndA429StormAreWaitedOutOnTheClockAndNoRowIsLostOrDoubled() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Path store = temp.resolve("store");
        Map<String, Object> properties = HubTestApp.properties(fixture.root(), store, hub);
        properties.put("autocoder.hub.initial-backoff", "1m");
        properties.put("autocoder.hub.max-backoff", "4m");
        try (ConfigurableApplicationContext app = App.start(properties, SidecarWorker.class)) {
            SidecarWorker.ShiftedClock clock = app.getBean(SidecarWorker.ShiftedClock.class);
            DatasetStore local = app.getBean(DatasetStore.class);
            int port = App.port(app);
            await("a first commit").atMost(LIMIT).until(() -> !hubRows(hub, mapper).isEmpty());

            // the Hub goes down for ten minutes
            hub.setDown(true);
            await("the failure noticed").atMost(LIMIT).until(() -> status(port).contains("\"state\":\"retrying\""));
            int requests = hub.requests().size();
            int rows = local.rows(DATASET).size();
            await("workers keep writing").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= rows + 4);
            assertThat(hub.requests().size()).as("no retry before the backoff has passed").isEqualTo(requests);

            Duration shift = Duration.ZERO;
            for (int minute = 1; minute <= 10; minute++) {
                shift = shift.plusMinutes(1);
                clock.shift(shift);
                int seen = local.rows(DATASET).size();
                await("ticks at minute " + minute).atMost(LIMIT).until(() -> local.rows(DATASET).size() >= seen + 2);
            }
            int attemptsDuringOutage = hub.requests().size() - requests;
            // backoff 1, 2, 4, 4 … minutes (with jitter): a handful of attempts, not one per tick
            assertThat(attemptsDuringOutage).isBetween(1, 10);

            // back up: the next attempt after the backoff publishes everything written meanwhile. An attempt sent while
            // the Hub was still down may get its 503 after the clock moved on, and back off from that later time: the
            // clock then moves a minute at a time, at most one more maximum backoff (4 minutes), until that attempt is
            // due (CI saw it wait past a single move)
            hub.setDown(false);
            Duration[] moved = {shift.plusMinutes(5)};
            Duration latest = moved[0].plusMinutes(5);
            clock.shift(moved[0]);
            int written = local.rows(DATASET).size();
            await("the backlog published").atMost(LIMIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (hubRows(hub, mapper).size() >= written) {
                    return true;
                }
                if (moved[0].compareTo(latest) < 0) {
                    moved[0] = moved[0].plusMinutes(1);
                    clock.shift(moved[0]);
                }
                return false;
            });
            shift = moved[0];

            // a storm of 429s: each Retry-After is honoured on the clock
            hub.rateLimitNext(FakeHub.Endpoint.COMMIT, 3, 120);
            for (int storm = 1; storm <= 3; storm++) {
                int commits = hub.count(FakeHub.Endpoint.COMMIT);
                await("429 number " + storm).atMost(LIMIT).until(() -> hub.count(FakeHub.Endpoint.COMMIT) > commits
                        && status(port).contains("\"state\":\"rate-limited\""));
                int limited = hub.count(FakeHub.Endpoint.COMMIT);
                int seen = local.rows(DATASET).size();
                await("more ticks").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= seen + 3);
                assertThat(hub.count(FakeHub.Endpoint.COMMIT)).as("waits for Retry-After").isEqualTo(limited);
                shift = shift.plusSeconds(121);
                clock.shift(shift);
            }
            int before = local.rows(DATASET).size();
            await("published after the storm").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= before);
        }
        assertThat(iterations(hubRows(hub, mapper))).doesNotHaveDuplicates().isEqualTo(iterations(localRows(store)));
        assertThat(hub.violations()).isEmpty();
    }

    private static String status(int port) {
        return HubPublishingTest.get(port, "/api/status");
    }
}
