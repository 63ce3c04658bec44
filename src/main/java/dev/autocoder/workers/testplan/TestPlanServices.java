package dev.autocoder.workers.testplan;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.testplan.plan.ApiChange;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.EdgeCase;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.PlanScope;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestNames;
import dev.autocoder.workers.testplan.plan.TestSkeleton;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.testplan.skeleton.SkeletonRenderer;
import dev.autocoder.workers.testplan.skeleton.SkeletonWriter;
import dev.autocoder.workers.testplan.spec.PytestNames;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** What every test-planning perspective shares: planning inputs, skeleton rendering and writing, the row shape. */
@Component
public class TestPlanServices {

    private final PlanningFactory planning;
    private final SkeletonRenderer renderer;
    private final SkeletonWriter writer;
    private final AnalysisRows analysisRows;
    private final int maxItems;

    public TestPlanServices(PlanningFactory planning, SkeletonRenderer renderer, SkeletonWriter writer,
                           AnalysisRows analysisRows, AutocoderProperties properties) {
        this.planning = planning;
        this.renderer = renderer;
        this.writer = writer;
        this.analysisRows = analysisRows;
        this.maxItems = Math.max(1, properties.getTestplan().getMaxItemsPerRow());
    }

    public PlanningFactory planning() {
        return planning;
    }

    public AnalysisRows analysisRows() {
        return analysisRows;
    }

    /** The row's result: the fixed analysis shape (lists capped), skeletons rendered and written, item ids kept. */
    public PerspectiveResult toResult(String perspectiveId, Planning plan, PlanResult result) {
        List<String> notes = new ArrayList<>(plan == null ? List.of() : plan.notes());
        notes.addAll(result.notes);
        List<TestSpecification> specs = namedApart(merged(distinct(result.specifications, TestSpecification::id), notes));
        List<FailureMode> modes = distinct(result.failureModes, FailureMode::id);
        List<IntegrationPoint> points = distinct(result.integrationPoints, IntegrationPoint::id);
        List<EdgeCase> edges = distinct(result.edgeCases, EdgeCase::id);
        List<TestSkeleton> skeletons = List.of();
        if (plan != null && !specs.isEmpty()) {
            skeletons = renderer.render(capped(specs, "test specification", notes), plan.model(), perspectiveId);
            writer.write(plan.snapshot(), perspectiveId, skeletons).ifPresent(notes::add);
        }
        List<FailureMode> listedModes = capped(modes, "failure mode", notes);
        List<IntegrationPoint> listedPoints = capped(points, "integration point", notes);
        List<EdgeCase> listedEdges = capped(edges, "edge case", notes);
        List<ApiChange> listedApiChanges = capped(result.apiChanges, "API change", notes);
        List<TestSpecification> listedSpecs = capped(specs, "test specification", notes);
        TestPlanAnalysis analysis = new TestPlanAnalysis(
                plan == null ? null : plan.baseline(),
                plan == null ? null : plan.snapshot().commit(),
                plan != null && plan.firstRun(),
                plan == null ? null : cappedScope(plan.scope(), notes),
                listedModes, listedPoints, listedEdges, listedApiChanges, listedSpecs,
                skeletons,
                notes);
        ItemIds ids = new ItemIds(ids(modes, FailureMode::id), ids(points, IntegrationPoint::id), ids(edges, EdgeCase::id),
                ids(specs, TestSpecification::id));
        List<Metric> metrics = new ArrayList<>();
        // the plan's item counts, those it has: a CI/CD row listed five zeros (Big Picture reads a missing one as 0)
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("failure_modes", modes.size());
        counts.put("integration_points", points.size());
        counts.put("edge_cases", edges.size());
        counts.put("api_changes", result.apiChanges.size());
        counts.put("test_specifications", specs.size());
        counts.forEach((name, count) -> {
            if (count > 0) {
                metrics.add(Metric.of(name, count));
            }
        });
        metrics.addAll(result.metrics);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("analysis", analysis);
        columns.put(ItemIds.COLUMN_KEY, ids);
        if (result.skippedReason != null) {
            return new PerspectiveResult(Status.SKIPPED, result.skippedReason, result.skippedReason, null, List.of(),
                    List.of(), metrics, result.details, columns);
        }
        Double score = result.qualityScore == null ? null : Math.max(0, Math.min(1, result.qualityScore));
        return new PerspectiveResult(Status.OK, notes.isEmpty() ? null : String.join(" ", notes.subList(0, Math.min(2, notes.size()))),
                result.summary, score, result.findings, result.recommendations, metrics, result.details, columns);
    }

    /** A skipped result that still has the analysis shape, with the reason among its notes. */
    public PerspectiveResult skipped(String reason) {
        PlanResult result = PlanResult.skipped(reason);
        result.notes.add(reason);
        return toResult(null, null, result);
    }

    /** {@code what} in the singular: "1 more edge case is not listed", "3 more edge cases are not listed". */
    private <T> List<T> capped(List<T> items, String what, List<String> notes) {
        return capped(items, notes, size -> Plural.of(size - maxItems, "more " + what) + (size - maxItems == 1 ? " is" : " are")
                + " not listed (autocoder.testplan.max-items-per-row = " + maxItems + "); the cumulative counts include them.");
    }

    /** The first {@code maxItems} items; when there are more, the note (given the full size) is added once. */
    private <T> List<T> capped(List<T> items, List<String> notes, IntFunction<String> note) {
        if (items.size() <= maxItems) {
            return items;
        }
        String text = note.apply(items.size());
        if (!notes.contains(text)) {
            notes.add(text);
        }
        return items.subList(0, maxItems);
    }

    /**
     * The scope with each of its lists capped like the plan's: on a first run every main file is in scope, and every
     * row of every perspective carried the whole list (1,884 paths on Camel core: ~107 KB in each row, over a third
     * of the bytes of the fifteen perspectives' rows).
     */
    private PlanScope cappedScope(PlanScope scope, List<String> notes) {
        return new PlanScope(cappedScopeList(scope.filesAdded(), "added files", notes),
                cappedScopeList(scope.filesChanged(), "changed files", notes),
                cappedScopeList(scope.filesRemoved(), "removed files", notes),
                cappedScopeList(scope.methodsAdded(), "added methods", notes),
                cappedScopeList(scope.methodsChanged(), "changed methods", notes),
                cappedScopeList(scope.methodsRemoved(), "removed methods", notes),
                cappedScopeList(scope.inScope(), "files in scope", notes),
                cappedScopeList(scope.outOfScope(), "files out of scope", notes));
    }

    private List<String> cappedScopeList(List<String> items, String what, List<String> notes) {
        return capped(items, notes, size -> size + " " + what + ", the first " + maxItems
                + " listed (autocoder.testplan.max-items-per-row).");
    }

    private static <T> List<T> distinct(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.putIfAbsent(id.apply(i), i));
        return List.copyOf(byId.values());
    }

    /**
     * One test per body: specifications of the same method whose test would be the same (same kind, given, when,
     * then, inputs and expectation) are merged into the first, which then answers the items of both; a note says
     * how many were merged. Without this, two identical plan items (say two {@code parseLong(s)} calls of one
     * method) become two identical tests, the second named {@code …_2}.
     */
    static List<TestSpecification> merged(List<TestSpecification> specs, List<String> notes) {
        Map<List<Object>, TestSpecification> byBody = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        boolean python = true; // a Python developer tests a function (a method is a function of a class)
        for (TestSpecification spec : specs) {
            List<Object> body = java.util.Arrays.asList(spec.testClass(), spec.methodUnderTest(), spec.kind(), spec.given(),
                    spec.when(), spec.then(), spec.inputs(), spec.expectedOutcome(), spec.expectedException());
            TestSpecification kept = byBody.get(body);
            if (kept == null) {
                byBody.put(body, spec);
            } else {
                byBody.put(body, kept.answering(spec.findingIds()));
                dropped.add(spec.testName());
                python &= PytestNames.isPython(spec.file());
            }
        }
        if (!dropped.isEmpty()) {
            notes.add(Plural.of(dropped.size(), "test specification") + " with the same body as another test of the same "
                    + (python ? "function " : "method ") + (dropped.size() == 1 ? "was" : "were")
                    + " merged into it (the kept test answers both): " + String.join(", ", dropped.stream().distinct().limit(5).toList())
                    + (dropped.stream().distinct().count() > 5 ? ", …" : "") + ".");
        }
        return List.copyOf(byBody.values());
    }

    /**
     * Two tests of one test class never share a name: the second {@code test_confirm_throws_abort} (another raise
     * site of the same exception) is {@code test_confirm_throws_abort_2}, as its skeleton names it, so the row's
     * specifications and the skeletons agree.
     */
    static List<TestSpecification> namedApart(List<TestSpecification> specs) {
        Map<String, Set<String>> namesByClass = new HashMap<>();
        List<TestSpecification> named = new ArrayList<>(specs.size());
        for (TestSpecification spec : specs) {
            String name = TestNames.unique(spec.testName(), namesByClass.computeIfAbsent(spec.testClass(), c -> new HashSet<>()));
            named.add(name.equals(spec.testName()) ? spec : spec.named(name));
        }
        return named;
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
