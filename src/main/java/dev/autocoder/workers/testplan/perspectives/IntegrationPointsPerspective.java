package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.PlanIds;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.IntegrationKind;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.rules.TestMapping;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Integration Points: every call in the main code that crosses a process boundary (HTTP clients, JDBC/JPA,
 * messaging, sockets, the file system, the environment, the clock, external processes) or makes a test
 * non-deterministic (randomness, threads), with its place, risk and test strategy ({@link IntegrationKind}).
 * Calls are recognized by receiver type and method from the declarations and imports ({@link IntegrationCatalog}).
 * The whole codebase is mapped; {@code in_scope} marks the calls in changed code.
 * <p>
 * Specifications: one integration test per method and kind. Findings: one per point in scope, severity medium
 * for high-risk kinds, low for medium risk, info otherwise. Quality score: the share of integration points whose
 * class has a test class; null when there are none.
 */
@Component
class IntegrationPointsPerspective extends TestPlanningPerspective {

    IntegrationPointsPerspective(TestPlanServices services) {
        super(services, "integration-points", "Integration Points");
    }

    /** Every integration point of the main code, in file and line order. */
    static List<IntegrationPoint> points(Planning planning) {
        List<IntegrationPoint> points = new ArrayList<>();
        for (MethodRef m : planning.model().mainMethods()) {
            for (Invocation call : m.method().invocations()) {
                IntegrationCatalog.classify(call).ifPresent(kind -> points.add(new IntegrationPoint(
                        PlanIds.of("integration-point", m.file().path(), m.key(), kind.label(), call.text()),
                        kind.label(), m.file().path(), call.line(), m.type().qualifiedName(), m.method().signature(),
                        CallNames.of(m, call), kind.risk(), kind.testStrategy(m.file().path()), planning.inScope(m))));
            }
        }
        return points;
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        TestMapping tests = new TestMapping(planning.model());
        Map<String, MethodRef> methods = new LinkedHashMap<>();
        planning.model().mainMethods().forEach(m -> methods.put(m.file().path() + "#" + m.key(), m));
        List<IntegrationPoint> points = points(planning);
        result.integrationPoints.addAll(points);
        Map<String, Integer> byKind = new TreeMap<>();
        List<MethodRef> inTestedTypes = new ArrayList<>(); // the method of each point whose module or class has tests
        Map<String, List<IntegrationPoint>> byMethodAndKind = new LinkedHashMap<>();
        Set<String> findingPlaces = new HashSet<>();
        for (IntegrationPoint p : points) {
            byKind.merge(p.kind(), 1, Integer::sum);
            MethodRef m = methods.get(p.file() + "#" + p.className() + "#" + p.method());
            if (m != null && tests.isTested(m.type())) {
                inTestedTypes.add(m);
            }
            byMethodAndKind.computeIfAbsent(p.file() + "#" + p.className() + "#" + p.method() + "#" + p.kind(), k -> new ArrayList<>()).add(p);
            String place = p.className() + "#" + p.method() + " " + p.call() + " " + p.line();
            // `isfile(".env") or isfile(".flaskenv")`: two points, one place to test, so one finding
            if (p.inScope() && findingPlaces.add(p.kind() + " " + place)) {
                Severity severity = p.risk().equals("high") ? Severity.MEDIUM : p.risk().equals("medium") ? Severity.LOW : Severity.INFO;
                result.findings.add(Finding.of("integration-" + p.kind(), "Integration Point", severity, p.file(), p.line(), p.line(),
                        p.call() + " in " + simple(p.className()) + "." + p.method() + " crosses to " + p.kind() + ": " + p.testStrategy(),
                        place));
            }
        }
        for (List<IntegrationPoint> group : byMethodAndKind.values()) {
            IntegrationPoint first = group.get(0);
            MethodRef m = methods.get(first.file() + "#" + first.className() + "#" + first.method());
            if (m == null || m.method().visibility().equals("private")) {
                continue;
            }
            result.specifications.add(Specs.of(m, id(), "integration",
                    m.method().name() + "_" + first.kind().replace("-", "_") + "_integration",
                    "the " + first.kind() + " dependency set up as the strategy says: " + first.testStrategy(),
                    "calling " + m.method().signature() + " (it uses " + String.join(", ", group.stream().map(IntegrationPoint::call).distinct().toList()) + ")",
                    "the result reflects what the " + first.kind() + " side returned, and its failures are reported",
                    List.of(), "correct result on success; a clear exception on failure",
                    group.stream().map(IntegrationPoint::id).toList()));
        }
        byKind.forEach((kind, count) -> result.metric(kind.replace('-', '_') + "_points", count));
        result.metric("integration_points_in_scope", points.stream().filter(IntegrationPoint::inScope).count());
        result.qualityScore = Scores.share(inTestedTypes.size(), points.size());
        result.details.put("by_kind", byKind);
        result.summary = points.isEmpty() ? "No call crosses a process boundary in the main code."
                : Plural.of(points.size(), "integration point") + " (" + KindCounts.of(byKind) + "), "
                + points.stream().filter(IntegrationPoint::inScope).count()
                + " in scope; " + inTestedTypes.size() + " in " + CodeNouns.ofMethods(planning, inTestedTypes).type().plural()
                + " that have tests.";
        byKind.keySet().forEach(kind -> result.recommendations.add(kind + ": " + points.stream().filter(p -> p.kind().equals(kind))
                .findFirst().map(IntegrationPoint::testStrategy).orElse("")));
        return result;
    }

    static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
