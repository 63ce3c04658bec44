package dev.autocoder.workers.testplan.perspectives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.rules.TestMapping;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Test Coverage Strategy: a coverage goal per package and the critical untested paths.
 * <p>
 * Per package: its main classes with methods (a class of constants or fields alone has nothing to call), how many
 * have a test class ({@link TestMapping}), and the measured line coverage
 * when the analysis worker's latest ok {@code test-coverage} row has a coverage report. Goal: 80 % line coverage for
 * packages with code in scope (changed) or with methods of cyclomatic complexity {@value #CRITICAL_COMPLEXITY} or
 * more, 70 % otherwise. Critical untested paths: methods of classes without tests, most complex first
 * ({@code untested-critical-path}, medium at complexity {@value #CRITICAL_COMPLEXITY} or more, low from 5); the
 * {@value #SPECIFIED} most complex get a specification for their branches.
 * <p>
 * Quality score: the measured line coverage (0..1) when there is a report, otherwise the share of main classes
 * with methods that have a test class; null without such classes.
 */
@Component
class CoverageStrategyPerspective extends TestPlanningPerspective {

    static final int CRITICAL_COMPLEXITY = 10;
    static final int SPECIFIED = 10;
    private final ObjectMapper mapper;

    CoverageStrategyPerspective(TestPlanServices services, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        super(services, "coverage-strategy", "Test Coverage Strategy");
        this.mapper = mapper;
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        TestMapping tests = new TestMapping(planning.model());
        Optional<Row> coverageRow = services.analysisRows().latestOk("test-coverage", context.targetId());
        Map<String, Double> measured = measured(coverageRow);
        Double overall = coverageRow.flatMap(r -> r.metrics().stream().filter(m -> m.name().equals("line_coverage")).findFirst())
                .map(m -> m.value()).orElse(null);
        CodeNouns main = CodeNouns.ofMainCode(planning);
        String mapping = main.testHolder().replace(' ', '-') + " mapping";
        if (coverageRow.isEmpty()) {
            result.notes.add("No ok test-coverage row in the analysis dataset " + services.analysisRows().dataset()
                    + " yet: goals use the " + mapping + " only.");
        } else if (measured.isEmpty()) {
            result.notes.add("The analysis worker found no coverage report: goals use the " + mapping + " only.");
        }
        // by the file's package: a Python class's type names its module as its package (flask's 2 packages were 19);
        // only types with methods, which a test calls (PyYAML's 30 token classes of class attributes were "untested")
        Map<String, List<TypeModel>> byPackage = new TreeMap<>();
        for (FileModel file : planning.model().mainFiles()) {
            file.types().stream().filter(t -> !t.methods().isEmpty())
                    .forEach(t -> byPackage.computeIfAbsent(file.packageName(), k -> new ArrayList<>()).add(t));
        }
        List<Map<String, Object>> packages = new ArrayList<>();
        long classes = 0;
        long testedClasses = 0;
        for (Map.Entry<String, List<TypeModel>> entry : byPackage.entrySet()) {
            long tested = entry.getValue().stream().filter(tests::isTested).count();
            boolean critical = entry.getValue().stream().flatMap(t -> t.methods().stream()).anyMatch(m -> m.cyclomatic() >= CRITICAL_COMPLEXITY)
                    || planning.scopeMethods().stream().anyMatch(m -> m.file().packageName().equals(entry.getKey()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("package", entry.getKey().isEmpty() ? "(default)" : entry.getKey());
            row.put("classes", entry.getValue().size());
            row.put("classes_with_tests", tested);
            row.put("measured_line_coverage", measured.get(entry.getKey()));
            row.put("goal_line_coverage", critical ? 80 : 70);
            packages.add(row);
            classes += entry.getValue().size();
            testedClasses += tested;
        }
        List<MethodRef> untested = planning.model().mainMethods().stream()
                .filter(m -> !tests.isTested(m.type()) && m.method().cyclomatic() >= 5 && !m.method().visibility().equals("private"))
                .sorted(Comparator.comparingInt((MethodRef m) -> m.method().cyclomatic()).reversed().thenComparing(MethodRef::key))
                .toList();
        for (int i = 0; i < untested.size(); i++) {
            MethodRef m = untested.get(i);
            Severity severity = m.method().cyclomatic() >= CRITICAL_COMPLEXITY ? Severity.MEDIUM : Severity.LOW;
            Finding f = Finding.of("untested-critical-path", "Test Coverage", severity, m.file().path(), m.method().beginLine(),
                    m.method().endLine(), m.type().simpleName() + "." + m.method().signature() + " has cyclomatic complexity "
                            + m.method().cyclomatic() + " and its " + CodeNouns.owner(m) + " has no test", m.key());
            result.findings.add(f);
            if (i < SPECIFIED) {
                result.specifications.add(Specs.of(m, id(), "unit", m.method().name() + "_coversEveryBranch",
                        "inputs chosen so that each of the " + m.method().cyclomatic() + " paths is taken once",
                        "calling " + m.method().signature() + " with each", "every branch gives its documented result",
                        List.of(), "all branches covered", List.of(f.id())));
            }
        }
        result.details.put("packages", packages);
        result.metric("packages", byPackage.size()).metric("classes", classes).metric("classes_with_tests", testedClasses)
                .metric("untested_complex_methods", untested.size());
        if (overall != null) {
            result.metric("measured_line_coverage", overall);
        }
        Double measuredShare = overall == null ? null : overall > 1 ? overall / 100 : overall;
        result.qualityScore = measuredShare != null ? Scores.round(measuredShare) : Scores.share(testedClasses, classes);
        result.summary = testedClasses + " of " + main.type().of(classes, "main") + " with " + main.method().plural()
                + (testedClasses == 1 ? " has" : " have")
                + " tests across " + Plural.of(byPackage.size(), "package")
                + (overall == null ? "" : ", measured line coverage " + overall) + "; "
                + CodeNouns.ofMethods(planning, untested).method().of(untested.size(), "untested") + " of complexity 5 or more.";
        untested.stream().limit(3).forEach(m -> result.recommendations.add("Cover " + m.type().simpleName() + "."
                + m.method().signature() + " (complexity " + m.method().cyclomatic() + ") in " + m.file().path()));
        return result;
    }

    /** Package (dotted) to the measured line coverage in the analysis row's details. */
    private Map<String, Double> measured(Optional<Row> row) {
        Map<String, Double> byPackage = new LinkedHashMap<>();
        if (row.isEmpty() || row.get().details() == null) {
            return byPackage;
        }
        try {
            JsonNode packages = mapper.readTree(row.get().details()).get("packages");
            if (packages != null && packages.isArray()) {
                for (JsonNode p : packages) {
                    if (p.hasNonNull("package") && p.hasNonNull("line_coverage")) {
                        byPackage.put(p.get("package").asText().replace('/', '.'), p.get("line_coverage").asDouble());
                    }
                }
            }
        } catch (Exception e) {
            return byPackage;
        }
        return byPackage;
    }
}
