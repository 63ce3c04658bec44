package dev.autocoder.workers.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.AutocoderApplication;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dashboard.MovableClock;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.repository.SnapshotService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds a dataset store with N real-shaped rows for the dashboard load benchmark (bench/dashboard-load.sh):
 * each perspective of the analysis rotation analyses the target repository once, for real, and the rows are
 * built from those results by the real {@link RowFactory} and appended through the real {@link DatasetStore},
 * one iteration per minute ending now. Usage: {@code BenchmarkRowSeeder <store> <target> <rows>}.
 * Lives in the worker package because iterations and worker states are package-private.
 */
public final class BenchmarkRowSeeder {

    private static final String DATASET = "autocoder-analysis-results";

    private BenchmarkRowSeeder() {
    }

    public static void main(String[] args) throws Exception {
        String store = args[0];
        String target = args[1];
        int count = Integer.parseInt(args[2]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AutocoderApplication.class)
                .web(WebApplicationType.NONE)
                .run("--autocoder.store.path=" + store, "--autocoder.target.path=" + target,
                        "--camel.main.routes-include-pattern=false", "--autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch",
                        "--autocoder.analysis.osv-timeout=1s", "--logging.level.root=WARN")) {
            seed(context, count);
        }
    }

    private static void seed(ConfigurableApplicationContext context, int count) throws Exception {
        PerspectiveCatalog catalog = context.getBean(PerspectiveCatalog.class);
        DatasetStore store = context.getBean(DatasetStore.class);
        Snapshot snapshot = context.getBean(SnapshotService.class).current();
        List<Perspective> rotation = catalog.forWorker("analysis");
        WorkerDefinition definition = new WorkerDefinition("analysis", "analysis-worker", DATASET,
                rotation.stream().map(Perspective::id).toList(), 60_000, 5_000);
        WorkerState state = context.getBean(WorkerRegistry.class).recovered(context.getBean(WorkerRegistry.class).register(definition));
        long first = state.nextIteration();

        Map<String, PerspectiveResult> results = new LinkedHashMap<>();
        for (Perspective perspective : rotation) {
            results.put(perspective.id(), perspective.analyze(new PerspectiveContext() {
                @Override
                public Snapshot snapshot() {
                    return snapshot;
                }

                @Override
                public Optional<Row> previousRow(String perspectiveId) {
                    return state.lastRowOf(perspectiveId);
                }
            }));
        }

        MovableClock clock = new MovableClock(Instant.now().minus(Duration.ofMinutes(count)));
        RowFactory rows = new RowFactory(context.getBean(ObjectMapper.class), context.getBean(SecretRedactor.class),
                context.getBean(AutocoderProperties.class).getAnalysis().getMaxFindingsPerRow(), clock,
                List.copyOf(context.getBeansOfType(WorkerColumns.class).values()));
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Perspective perspective = catalog.find("analysis", state.nextPerspective()).orElseThrow();
            Iteration iteration = new Iteration(state, perspective, catalog.number("analysis", perspective.id()), first + i);
            iteration.snapshot(snapshot);
            RowFactory.Built built = rows.build(iteration, results.get(perspective.id()), snapshot.repository());
            store.append(DATASET, built.row());
            state.remember(built.row(), built.findingIds());
            clock.advance(Duration.ofMinutes(1));
        }
        System.out.printf("Seeded %d rows into %s in %d s%n", count, store.datasetDir(DATASET),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }
}
