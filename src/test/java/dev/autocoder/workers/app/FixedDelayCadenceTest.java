package dev.autocoder.workers.app;

import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker cadence is a fixed delay: after an iteration that ran longer than the period, the next one still starts
 * a full period after it ended (Camel's timer, which this replaced, fired again about at once to catch up).
 * <p>
 * Each row reaches the row-stored route inside its own iteration, so between two rows' arrivals lie the end of the
 * first iteration, the gap, and the start of the next: the time between arrivals is a lower bound of the gap, and a
 * busy machine can only make it longer. A step woven into that route makes one iteration long by sleeping in it.
 */
class FixedDelayCadenceTest {

    static final long PERIOD_MS = 400;
    /** How much longer than the period the long iteration runs. */
    static final long LONG_MS = 4 * PERIOD_MS;

    @TempDir
    Path temp;

    @Test
    void afterAnIterationLongerThanThePeriodTheNextStartsAFullPeriodAfterItsEnd() throws Exception {
        FixtureRepository repo = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(repo.root(), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture");
        properties.put("autocoder.workers.analysis.period", PERIOD_MS + "ms");
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        try (ConfigurableApplicationContext context = App.start(properties)) {
            // the first step after the store, inside the iteration (a tick meanwhile waits for the advised route)
            AdviceWith.adviceWith(context.getBean(CamelContext.class), "row-stored", route -> route.weaveAddFirst()
                    .process(exchange -> {
                        arrivals.add(System.nanoTime());
                        if (arrivals.size() == 2) {
                            sleep(LONG_MS); // the second iteration seen here runs four periods longer
                        }
                    }));
            await("four rows after the long iteration").atMost(Duration.ofMinutes(2)).until(() -> arrivals.size() >= 6);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            millis.add(TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - 1)));
        }
        // arrival 2 → 3 spans the long iteration's sleep and then a full period
        assertThat(millis.get(1)).as("after the long iteration, ms between rows: %s", millis).isGreaterThanOrEqualTo(LONG_MS + PERIOD_MS);
        assertThat(millis).as("ms between rows").allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(PERIOD_MS));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
