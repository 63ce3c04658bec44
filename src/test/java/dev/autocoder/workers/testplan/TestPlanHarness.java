package dev.autocoder.workers.testplan;

import dev.autocoder.workers.config.AutocoderJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.testplan.history.BaselineHistory;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.pmd.TestModels;
import dev.autocoder.workers.testplan.perspectives.TestPlanPerspectivesConfiguration;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.skeleton.SkeletonRenderer;
import dev.autocoder.workers.testplan.skeleton.SkeletonWriter;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testsupport.ConfiguredBeans;
import org.eclipse.jgit.api.Git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The test-planning engine wired by hand on a target folder and a store folder, as Spring wires it. */
public final class TestPlanHarness {

    public final AutocoderProperties properties = new AutocoderProperties();
    public final DatasetStore store;
    public final SnapshotService snapshots;
    public final TestPlanServices services;
    public final PmdJavaModelProvider models = TestModels.provider();
    private final Map<String, Row> previous = new HashMap<>();
    private List<TestPlanningPerspective> perspectives;

    public TestPlanHarness(Path target, Path store, Path output) {
        this(target, store, output, new AutocoderProperties().getTestplan().getMaxItemsPerRow());
    }

    /** A harness whose rows list at most {@code maxItemsPerRow} items per list. */
    public TestPlanHarness(Path target, Path store, Path output, int maxItemsPerRow) {
        properties.getTestplan().setMaxItemsPerRow(maxItemsPerRow);
        properties.getTarget().setPath(target);
        if (output != null) {
            properties.getTestplan().setOutputDir(output);
        }
        this.store = new DatasetStore(store, "local", 1 << 26, new ObjectMapper(), Clock.systemUTC());
        this.snapshots = new SnapshotService(new TargetRepository(properties), properties);
        this.services = new TestPlanServices(new PlanningFactory(models,
                new PythonModelProvider(properties.getPython().getInterpreter(), properties.getAnalysis().getFileTimeBudget()), new BaselineHistory(),
                AutocoderJson.newObjectMapper()), new SkeletonRenderer(),
                new SkeletonWriter(properties), new AnalysisRows(this.store, properties), properties);
    }

    /**
     * A harness on a new git repository, {@code dir/repo}, holding the files (path to text) in one commit; the store
     * and the skeletons go to {@code dir/store} and {@code dir/plans}.
     */
    public static TestPlanHarness onCommit(Path dir, Map<String, String> files) throws Exception {
        Path root = dir.resolve("repo");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("fixture").setAuthor("Fixture", "fixture@example.org")
                    .setCommitter("Fixture", "fixture@example.org").call();
        }
        return new TestPlanHarness(root, dir.resolve("store"), dir.resolve("plans"));
    }

    /**
     * The perspective of the id, made by Spring from {@link TestPlanPerspectivesConfiguration} on this harness's
     * services, as the application makes it.
     */
    public TestPlanningPerspective perspective(String id) {
        if (perspectives == null) {
            perspectives = ConfiguredBeans.of(TestPlanPerspectivesConfiguration.class, TestPlanningPerspective.class,
                    Map.of("testPlanServices", services, AutocoderJson.MAPPER, AutocoderJson.newObjectMapper()));
        }
        return perspectives.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test-planning perspective " + id));
    }

    /** Pretends the perspective planned at the commit before (its previous ok row). */
    public void plannedAt(String perspectiveId, String commit) {
        previous.put(perspectiveId, row(perspectiveId, commit));
    }

    public void previous(Row row) {
        previous.put(row.perspectiveId(), row);
    }

    public PerspectiveResult run(TestPlanningPerspective perspective) throws Exception {
        Snapshot snapshot = snapshots.current();
        return perspective.analyze(new PerspectiveContext() {
            @Override
            public Snapshot snapshot() {
                return snapshot;
            }

            @Override
            public Optional<Row> previousRow(String perspectiveId) {
                return Optional.ofNullable(previous.get(perspectiveId));
            }
        });
    }

    public static TestPlanAnalysis analysis(PerspectiveResult result) {
        return (TestPlanAnalysis) result.columns().get("analysis");
    }

    public static Row row(String perspectiveId, String commit) {
        return new Row(Row.SCHEMA_VERSION, "test-planning", 1, "2026-11-24T10:00:00Z", 1, perspectiveId, perspectiveId,
                "/repo", commit, 1, Status.OK, null, null, "planned", 0.5, 0, List.of(), null, null, List.of(),
                List.<Metric>of(), "{}", new LinkedHashMap<>());
    }
}
