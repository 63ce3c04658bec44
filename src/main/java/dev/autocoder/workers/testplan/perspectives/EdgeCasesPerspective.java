package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.pythonmodel.PythonEdgeInputs;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.testplan.plan.EdgeCase;
import dev.autocoder.workers.testplan.plan.PlanIds;
import dev.autocoder.workers.testplan.rules.EdgeInputs;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.rules.TestMapping;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.worker.PerspectiveContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Edge Case Discovery: per API method in scope (public method of a public type; every one on a first run), the
 * boundary inputs of each parameter ({@link EdgeInputs}): from its type, and the neighbours c-1, c, c+1 of each
 * numeric constant the body compares the parameter (or its length, size or elements) against. Python functions get
 * Python expressions ({@link PythonEdgeInputs}: from the annotation or the default).
 * <p>
 * Specifications: one parameterized test per method and parameter with every input. Quality score: the share of
 * the methods with edge cases whose class has a test class; null when no method has parameters.
 */
@Component
class EdgeCasesPerspective extends TestPlanningPerspective {

    EdgeCasesPerspective(TestPlanServices services) {
        super(services, "edge-cases", "Edge Case Discovery");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        TestMapping tests = new TestMapping(planning.model());
        long fromBody = 0;
        Set<String> classes = new LinkedHashSet<>();
        List<MethodRef> withEdgeCases = new ArrayList<>();
        List<MethodRef> untested = new ArrayList<>();
        for (MethodRef m : planning.scopeMethods()) {
            if (!m.isApi() || m.method().params().isEmpty()) {
                continue;
            }
            withEdgeCases.add(m);
            if (!tests.isTested(m.type())) {
                untested.add(m);
            }
            classes.add(m.type().qualifiedName());
            for (Param p : m.method().params()) {
                List<EdgeCase> cases = new ArrayList<>();
                List<EdgeInputs.Input> inputs = m.file().path().endsWith(".py") ? PythonEdgeInputs.of(m.method(), p)
                        : EdgeInputs.of(m.method(), p);
                for (EdgeInputs.Input input : inputs) {
                    cases.add(new EdgeCase(PlanIds.of("edge-case", m.file().path(), m.key(), p.name(), input.expression()),
                            m.file().path(), m.type().qualifiedName(), m.method().signature(), p.name(), p.type(),
                            input.expression(), input.category(), input.source()));
                    fromBody += input.source().startsWith("body:") ? 1 : 0;
                }
                result.edgeCases.addAll(cases);
                if (!cases.isEmpty()) {
                    result.specifications.add(Specs.of(m, id(), "parameterized", m.method().name() + "_" + p.name() + "_edgeCases",
                            given(m), action(m, p),
                            "each input gives the documented result or a documented exception, never an unexpected one",
                            cases.stream().map(EdgeCase::input).toList(), "documented result per input",
                            cases.stream().map(EdgeCase::id).toList()));
                }
            }
        }
        long methods = withEdgeCases.size();
        long tested = methods - untested.size();
        result.metric("methods_with_edge_cases", methods).metric("edge_cases_from_body", fromBody)
                .metric("classes", classes.size());
        result.qualityScore = Scores.share(tested, methods);
        // the row lists each id once (two definitions of one name give the same ids): the summary counts as it does
        result.summary = Plural.of(result.edgeCases.stream().map(EdgeCase::id).distinct().count(), "edge case") + " for "
                + CodeNouns.ofMethods(planning, withEdgeCases).method().of(methods, "API") + " in scope (" + fromBody
                + " from constants the code compares against).";
        if (!untested.isEmpty()) {
            CodeNouns nouns = CodeNouns.ofMethods(planning, untested);
            result.recommendations.add("Write the parameterized edge-case tests for the " + nouns.method().of(untested.size())
                    + " whose " + nouns.type().word(untested.size()) + (untested.size() == 1 ? " has" : " have") + " no tests yet.");
        }
        return result;
    }

    /**
     * The object the test calls (none for a constructor, a static method or a Python module's function) and, where
     * there are any, the other parameters' values.
     */
    private static String given(MethodRef m) {
        boolean others = m.method().params().size() > 1;
        if (m.method().constructor() || m.method().isStatic()) {
            return others ? "typical values for the other parameters" : "no other arguments";
        }
        return "a " + m.type().simpleName() + (others ? " and typical values for the other parameters" : "");
    }

    /** What the test does with each input: a constructor constructs, a Python property setter is assigned to. */
    private static String action(MethodRef m, Param p) {
        if (m.method().constructor()) {
            return "constructing a " + m.type().simpleName() + " with each boundary value of parameter " + p.name();
        }
        if (isPropertySetter(m.method())) {
            return "setting " + m.method().name() + " to each boundary value";
        }
        return "calling " + m.method().name() + " with each boundary value of parameter " + p.name();
    }

    /** {@code @name.setter}: Python code assigns {@code obj.name = value}, it never calls the method. */
    private static boolean isPropertySetter(MethodModel method) {
        return method.annotations().contains(method.name() + ".setter");
    }
}
