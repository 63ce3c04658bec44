package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.architecture.ArchitecturePerspective;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.code.TaskCodeLoader;
import dev.autocoder.workers.implementation.llm.ChatCompletionsClient;
import dev.autocoder.workers.implementation.llm.LlmProperties;
import dev.autocoder.workers.implementation.llm.PromptTemplates;
import dev.autocoder.workers.implementation.model.ModelAdvisor;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.patch.PatchVerifier;
import dev.autocoder.workers.implementation.stages.ImplementationStagesConfiguration;
import dev.autocoder.workers.implementation.task.AnalysisFindings;
import dev.autocoder.workers.implementation.task.FindingPresence;
import dev.autocoder.workers.implementation.task.NewestRows;
import dev.autocoder.workers.implementation.task.TaskPicker;
import dev.autocoder.workers.implementation.task.TaskPriority;
import dev.autocoder.workers.implementation.tests.TestPlanningSpecs;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.python.RuffFixer;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.GitChurn;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.testsupport.ConfiguredBeans;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.RowFactory;
import dev.autocoder.workers.worker.WorkerColumns;
import dev.autocoder.workers.worker.WorkerDriver;
import dev.autocoder.workers.worker.WorkerRegistry;

import net.sourceforge.pmd.lang.rule.RuleSet;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The implementation worker wired by hand as Spring wires it, next to an analysis worker (code quality,
 * performance, architecture) on the same store, both stepped one row at a time by a {@link WorkerDriver}. A new
 * harness on the same store folder is a restart: state, ledger and caches start empty and are rebuilt from the rows.
 */
public final class ImplementationHarness {

    public static final String DATASET = "autocoder-implementation-results";
    public static final String ANALYSIS = "autocoder-analysis-results";
    public static final List<String> STAGES = List.of("deep-understanding", "architectural-analysis", "approach-evaluation",
            "risk-analysis", "testing-strategy", "implementation-plan");

    /** Loaded once per JVM: loading costs about a second; each harness still gets its own engine (and caches). */
    public static final RuleSet CURATED = PmdRulesets.curated();

    public final ObjectMapper mapper = new ObjectMapper();
    public final AutocoderProperties properties = new AutocoderProperties();
    public final LlmProperties llm = new LlmProperties();
    public final DatasetStore store;
    public final SnapshotService snapshots;
    public final PmdEngine pmd = new PmdEngine(CURATED, 1);
    public final WorkerDriver implementation;
    public final WorkerDriver analysis;

    private static final int DEFAULT_PRESENCE_CHECKS = new AutocoderProperties().getImplementation().getMaxPresenceChecks();

    public ImplementationHarness(Path target, Path storePath) {
        this(target, storePath, null, null);
    }

    /** @param endpoint a chat-completions URL and model; null for no model */
    public ImplementationHarness(Path target, Path storePath, String endpoint, String token) {
        this(target, storePath, endpoint, token, null);
    }

    /** A harness whose picker re-checks at most {@code checks} candidates per pick (max-presence-checks). */
    public static ImplementationHarness withPresenceChecks(Path target, Path storePath, int checks) {
        return new ImplementationHarness(target, storePath, null, null, null, checks);
    }

    /** A harness whose code-quality analysis runs ruff at {@code ruffPath} and whose patches use ruff's fixes. */
    public static ImplementationHarness withRuff(Path target, Path storePath, String ruffPath) {
        return new ImplementationHarness(target, storePath, null, null, ruffPath);
    }

    /** The files written so far committed, and the code-quality analysis made with ruff: ready for a cycle. */
    static ImplementationHarness committedAndAnalyzedWithRuff(Path target, Path storePath, String commitMessage)
            throws Exception {
        ImplementationFixture.commit(target, commitMessage, "2026-11-01T10:00:00Z");
        ImplementationHarness harness = withRuff(target, storePath, RuffCli.path());
        harness.analysis.tick(harness.snapshot());
        return harness;
    }

    private ImplementationHarness(Path target, Path storePath, String endpoint, String token, String ruffPath) {
        this(target, storePath, endpoint, token, ruffPath, DEFAULT_PRESENCE_CHECKS);
    }

    private ImplementationHarness(Path target, Path storePath, String endpoint, String token, String ruffPath,
                                  int presenceChecks) {
        properties.getImplementation().setMaxPresenceChecks(presenceChecks);
        properties.getTarget().setPath(target);
        properties.getAnalysis().setPmdThreads(1);
        if (ruffPath != null) {
            // ruff's WebAssembly build starts node per run: slow on a loaded machine
            properties.getAnalysis().setFileTimeBudget(java.time.Duration.ofSeconds(60));
        }
        if (endpoint != null) {
            llm.setModel("test-org/test-coder");
            llm.setEndpoint(endpoint);
            llm.setTimeout(java.time.Duration.ofSeconds(10));
        }
        store = new DatasetStore(storePath, "local", 1 << 26, mapper, Clock.systemUTC());
        snapshots = new SnapshotService(new TargetRepository(properties), properties);
        GitChurn churn = new GitChurn(properties);
        PatchVerifier verifier = new PatchVerifier();
        ProgressLedger ledger = new ProgressLedger(store, List::of, mapper);
        WorkerRegistry registry = new WorkerRegistry(store, List.of());
        SecretRedactor redactor = new SecretRedactor();
        ModelAdvisor advisor = new ModelAdvisor(llm, new ChatCompletionsClient(llm, token, mapper), new PromptTemplates(null), redactor);
        FindingPresence presence = new FindingPresence(pmd);
        NewestRows newest = new NewestRows(store, List::of);
        MechanicalFixes fixes = ruffPath == null ? new MechanicalFixes(verifier)
                : new MechanicalFixes(verifier, new RuffFixer(ruffPath, properties.getPython().getInterpreter(),
                properties.getAnalysis().getFileTimeBudget()));
        RuffEngine ruff = ruffPath == null ? RuffEngine.withDefaults()
                : new RuffEngine(ruffPath, properties.getAnalysis().getFileTimeBudget());
        TaskPriority priority = new TaskPriority(fixes, llm);
        StageServices services = new StageServices(new AnalysisFindings(newest, properties, priority, mapper), presence,
                new TaskPicker(presence, fixes, properties), new TaskCodeLoader(new PmdJavaModelProvider(pmd),
                new PythonModelProvider(properties.getPython().getInterpreter(), properties.getAnalysis().getFileTimeBudget())),
                fixes, verifier, churn, new TestPlanningSpecs(newest, properties, mapper), advisor, ledger,
                () -> registry, properties, mapper);
        List<Perspective> perspectives = new ArrayList<>(ConfiguredBeans.of(ImplementationStagesConfiguration.class,
                ImplementationStage.class, Map.of("stageServices", services)));
        perspectives.addAll(List.of(new CodeQualityPerspective(pmd, new CpdRunner(100), ruff), new PerformancePerspective(pmd),
                new ArchitecturePerspective(new PmdJavaModelProvider(pmd), churn)));
        PerspectiveCatalog catalog = new PerspectiveCatalog(perspectives);
        RowFactory rows = new RowFactory(mapper, redactor, properties, List.<WorkerColumns>of(new ImplementationColumns(ledger, mapper)));
        implementation = new WorkerDriver(registry, catalog, rows, store,
                WorkerDriver.definition("implementation", DATASET, STAGES), List.of(ledger::rowStored));
        analysis = new WorkerDriver(registry, catalog, rows, store,
                WorkerDriver.definition("analysis", ANALYSIS, List.of("code-quality", "performance", "architecture")),
                List.of(ledger::rowStored));
    }

    public Snapshot snapshot() {
        return snapshots.current();
    }

    /** Runs the next implementation stage on the repository as it is now. */
    public Row stage() {
        return implementation.tick(snapshot());
    }

    /** Runs the next stages until the cycle's Implementation Plan row, and returns the rows. */
    public List<Row> cycle() {
        List<Row> rows = new ArrayList<>();
        do {
            if (rows.size() == STAGES.size()) {
                throw new AssertionError("no full cycle in " + rows.size() + " ticks: " + rows.stream().map(Row::reason).toList());
            }
            rows.add(stage());
        } while (!rows.get(rows.size() - 1).perspectiveId().equals("implementation-plan"));
        return rows;
    }

    public List<Row> rows() {
        return store.rows(DATASET);
    }

    public JsonNode json(Row row) {
        return mapper.valueToTree(row);
    }

    public JsonNode analysisOf(Row row) {
        return json(row).get("analysis");
    }
}
