package dev.autocoder.workers.app;

import dev.autocoder.workers.dashboard.Aggregates;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.BeanDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the store, a row goes on through the routes of routes/worker-template.yaml: row-stored hands it to
 * row-to-dashboard, row-to-quality-gate, row-to-meters, row-to-hub-outbox and row-to-progress-ledger, in that order. One real iteration of
 * the analysis worker runs through the real routes; each consumer route is advised to note when it starts, and the
 * dashboard's step is made to fail.
 */
@ExtendWith(OutputCaptureExtension.class)
class RowFlowTest {

    static final String DATASET = "autocoder-analysis-results";
    static final List<String> CONSUMERS = List.of("row-to-dashboard", "row-to-quality-gate", "row-to-meters", "row-to-hub-outbox",
            "row-to-progress-ledger");

    @TempDir
    Path temp;

    @Test
    void theConsumersRunInTheStatedOrderAndOneFailingStopsNoneOfTheOthers(CapturedOutput output) throws Exception {
        FixtureRepository repo = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(repo.root(), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture");
        properties.put("autocoder.workers.analysis.delay", "1h");
        try (ConfigurableApplicationContext app = App.start(properties)) {
            CamelContext camel = app.getBean(CamelContext.class);
            DatasetStore store = app.getBean(DatasetStore.class);
            List<String> started = new CopyOnWriteArrayList<>();
            List<Long> onDiskWhenStarted = new CopyOnWriteArrayList<>();
            // a tick on demand instead of the scheduler's
            AdviceWith.adviceWith(camel, "analysis-worker", route -> route.replaceFromWith("direct:tick"));
            for (String consumer : CONSUMERS) {
                AdviceWith.adviceWith(camel, consumer, route -> route.weaveAddFirst().process(exchange -> {
                    started.add(consumer);
                    onDiskWhenStarted.add(store.lastRow(DATASET).map(Row::iteration).orElse(-1L));
                }));
            }
            // inside the dashboard consumer's doTry, just before its bean step
            AdviceWith.adviceWith(camel, "row-to-dashboard", route -> route.weaveByType(BeanDefinition.class).selectFirst().before()
                    .throwException(new IllegalStateException("the dashboard's aggregates are broken")));

            Exchange tick;
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                tick = template.send("direct:tick", exchange -> { });
            }

            assertThat(tick.getException()).isNull();
            assertThat(started).containsExactlyElementsOf(CONSUMERS);
            assertThat(onDiskWhenStarted).as("each consumer finds the row already stored").containsOnly(1L);
            assertThat(store.rows(DATASET)).extracting(Row::iteration).containsExactly(1L);
            // the dashboard missed the row; the meters after it counted it
            assertThat(app.getBean(Aggregates.class).of("analysis").orElseThrow().rows()).isZero();
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.get("autocoder.rows.written").tag("dataset", DATASET).counter().count()).isEqualTo(1.0);
            Counter failures = meters.get("autocoder.row.consumer.failures").tag("consumer", "row-to-dashboard")
                    .tag("dataset", DATASET).counter();
            assertThat(failures.count()).isEqualTo(1.0);
            assertThat(meters.find("autocoder.row.consumer.failures").tag("consumer", "row-to-meters").counter()).isNull();
            assertThat(output.getAll()).contains("ERROR").contains("Row consumer row-to-dashboard failed on row analysis #1 "
                    + "of dataset autocoder-analysis-results").contains("the dashboard's aggregates are broken");
            // the iteration went on after its consumers: the rotation moved past the stored row
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                template.send("direct:tick", exchange -> { });
            }
            assertThat(store.rows(DATASET)).extracting(Row::iteration).containsExactly(1L, 2L);
        }
    }
}
