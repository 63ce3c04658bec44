package dev.autocoder.workers.implementation.stages;

import dev.autocoder.workers.implementation.ImplementationStage;
import dev.autocoder.workers.implementation.Stage;
import dev.autocoder.workers.implementation.StageOutput;
import dev.autocoder.workers.implementation.StageServices;
import dev.autocoder.workers.implementation.TaskAtHead;
import dev.autocoder.workers.implementation.code.CodeSite;
import dev.autocoder.workers.implementation.row.TestItem;
import dev.autocoder.workers.implementation.tests.ExistingTests;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.plan.PlanIds;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.testplan.spec.PytestNames;
import dev.autocoder.workers.testplan.spec.Specs;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 5: the tests that cover the touched code today (test methods that call a touched method, test classes named
 * after its class), the test-planning worker's specifications for the touched methods (read from its dataset), and
 * for each touched method without one a new specification.
 * <p>
 * Quality score: the share of touched methods that a test calls today; null when no method is touched (an import
 * or a field alone).
 */
@Component
class TestingStrategyStage extends ImplementationStage {

    TestingStrategyStage(StageServices services) {
        super(services, Stage.TESTING_STRATEGY);
    }

    @Override
    protected void work(TaskAtHead facts, StageOutput out) {
        var code = facts.code();
        List<MethodRef> touched = facts.touchedMethods();
        List<TestItem> existing = code.type() == null ? List.of() : ExistingTests.covering(code.model(), code.type(), touched);
        out.tests.addAll(existing);
        List<TestSpecification> specs = facts.specsForTouchedMethods();
        for (TestSpecification spec : specs) {
            out.tests.add(new TestItem(spec.id(), TestItem.TEST_PLANNING, spec.testClass(), spec.testName(),
                    testFile(spec.file(), spec.testClass()),
                    spec.classUnderTest() + "#" + spec.methodUnderTest(), spec.kind(),
                    "Given " + spec.given() + ", when " + spec.when() + ", then " + spec.then() + "."));
        }
        Set<String> specified = new HashSet<>();
        specs.forEach(s -> specified.add(s.classUnderTest() + "#" + s.methodUnderTest()));
        Set<String> called = new HashSet<>();
        existing.stream().filter(t -> t.testName() != null).forEach(t -> called.add(t.methodUnderTest()));
        List<TestItem> created = new ArrayList<>();
        for (MethodRef method : touched) {
            if (!specified.contains(method.key())) {
                created.add(newTest(facts, method));
            }
        }
        out.tests.addAll(created);
        if (facts.specs().rows() == 0) {
            out.notes.add("No test-planning rows in " + facts.testPlanningDataset() + " yet: no specifications to use, so new "
                    + "ones are proposed for every touched method.");
        }
        if (touched.isEmpty()) {
            out.notes.add(code.located() ? "The change touches no method (" + outsideMethods(code.site().get()) + "): "
                    + (code.isPython() ? "running the project's tests" : "compiling the project and running its tests") + " is the check."
                    : facts.task().file() + ": " + facts.unplaced() + "; the project's whole build and test suite is the check.");
        }
        out.qualityScore = touched.isEmpty() ? null : touched.stream().filter(m -> called.contains(m.key())).count() / (double) touched.size();
        out.metric("touched_methods", touched.size());
        out.metric("existing_tests", existing.size());
        out.metric("test_planning_specifications", specs.size());
        out.metric("new_specifications", created.size());
        out.summary = Plural.of(touched.size(), "touched method") + ": " + Plural.of(existing.size(), "existing test")
                + (existing.size() == 1 ? " covers" : " cover") + " the area, "
                + Plural.of(specs.size(), "test-planning specification") + (specs.size() == 1 ? " applies" : " apply") + ", "
                + Plural.of(created.size(), "new one") + " proposed.";
    }

    /** A specification for a touched method the test-planning worker has none for: the change must keep its behaviour. */
    static TestItem newTest(TaskAtHead facts, MethodRef method) {
        String rule = facts.task().rule();
        String name = Specs.identifier(method.method().name() + "_behaves_the_same_after_the_" + rule + "_fix");
        String id = PlanIds.of("implementation-test", method.key(), name);
        String extra = rule.equals("EmptyCatchBlock") ? ", and the ignored exception is logged" : "";
        String file = method.file().path();
        boolean python = PytestNames.isPython(file);
        String testClass;
        String testFile;
        if (python) { // pytest's convention, as the test coverage perspective recommends: tests/test_<module>.py
            String module = method.file().types().stream().filter(t -> t.kind().equals("module")).findFirst()
                    .orElse(method.type()).simpleName();
            testFile = "tests/test_" + module + ".py";
            testClass = "tests.test_" + module + (method.type().kind().equals("module") ? "" : ".Test" + method.type().simpleName());
            name = PytestNames.testFunction(name);
        } else {
            String packageName = method.type().packageName();
            testClass = (packageName.isEmpty() ? "" : packageName + ".") + method.type().simpleName() + "Test";
            testFile = testFile(file, testClass);
        }
        return new TestItem(id, TestItem.NEW, testClass, name, testFile, method.key(), "unit",
                "Given inputs that reach " + facts.place() + ", when " + method.method().signature()
                        + " runs before and after the change, then it returns (or " + (python ? "raises" : "throws") + ") the same"
                        + extra + ".");
    }

    /**
     * Where a test class goes by Maven's convention, next to the code under test's source root; a Python test, the
     * module its pytest skeleton is ({@code test_rich_fileno_failure_modes.py}); null elsewhere, and for a Python
     * specification of a row written before specifications named pytest's tests ({@code setupEdgeCasesTest}).
     */
    static String testFile(String codeFile, String testClass) {
        if (PytestNames.isPython(codeFile)) {
            int dot = testClass.indexOf('.');
            return testClass.startsWith("test_") && dot > 0 ? testClass.substring(0, dot) + ".py" : null;
        }
        int main = codeFile == null ? -1 : codeFile.indexOf("src/main/java/");
        return main < 0 ? null : codeFile.substring(0, main) + "src/test/java/" + testClass.replace('.', '/') + ".java";
    }

    /** Where a finding outside every method sits: a member, or a type outside its methods (its declaration). */
    private static String outsideMethods(CodeSite site) {
        if (site.member() != null) {
            return site.member();
        }
        return site.typeName() == null ? "the finding is outside the types"
                : "the finding is in " + site.typeName() + " outside its methods";
    }
}
