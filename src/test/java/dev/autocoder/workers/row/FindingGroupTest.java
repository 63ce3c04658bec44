package dev.autocoder.workers.row;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups of findings: one per rule, severity and scope, in the order the first screen shows them. */
class FindingGroupTest {

    @Test
    void oneGroupPerRuleSeverityAndScopeWhateverNamesTheMessagesMention() {
        List<Finding> findings = new ArrayList<>();
        for (String variable : List.of("i", "size", "index", "index1")) {
            findings.add(Finding.of("AssignmentInOperand", "Error Prone", Severity.MEDIUM, "src/main/java/A.java",
                    variable.length(), variable.length(), "Avoid assignment to " + variable + " in operand", variable)
                    .withScope(dev.autocoder.workers.repository.Scope.MAIN));
        }
        findings.add(Finding.of("AssignmentInOperand", "Error Prone", Severity.MEDIUM, "src/test/java/ATest.java", 3, 3,
                "Avoid assignment to j in operand", "j").withScope(dev.autocoder.workers.repository.Scope.TEST));

        List<FindingGroup> groups = FindingGroup.of(findings);

        assertThat(groups).extracting(FindingGroup::scope, FindingGroup::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(dev.autocoder.workers.repository.Scope.MAIN, 4),
                org.assertj.core.groups.Tuple.tuple(dev.autocoder.workers.repository.Scope.TEST, 1));
        assertThat(groups.get(0).message()).isEqualTo("Avoid assignment to i in operand");
        assertThat(groups.get(0).locations()).containsExactly("src/main/java/A.java:1", "src/main/java/A.java:4",
                "src/main/java/A.java:5", "src/main/java/A.java:6");
    }

    @Test
    void withinAScopeAndSeverityLikelyDefectsComeBeforeMaintainabilityAdvice() {
        List<Finding> findings = many(55, i -> Finding.of("CognitiveComplexity", "Design", Severity.HIGH, "A" + i + ".java",
                1, 1, "The method 'm" + i + "()' has a cognitive complexity of 16, current threshold is 15", "m" + i));
        findings.add(Finding.of("UseEqualsToCompareStrings", "Error Prone", Severity.HIGH, "B.java", 3, 3,
                "Use equals() to compare strings instead of '==' or '!='", "a == b"));
        findings.add(Finding.of("FieldNamingConventions", "Code Style", Severity.LOW, "B.java", 1, 1,
                "The constant name 'log' doesn't match '[A-Z][A-Z_0-9]*'", "log"));

        assertThat(FindingGroup.of(findings)).extracting(FindingGroup::rule, FindingGroup::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("UseEqualsToCompareStrings", 1),
                org.assertj.core.groups.Tuple.tuple("CognitiveComplexity", 55),
                org.assertj.core.groups.Tuple.tuple("FieldNamingConventions", 1));
    }

    /**
     * Ruff's likely-bug families come before its maintainability advice of the same severity (rich's first screen);
     * flask's deliberate bare raises (PLE0704, lowered to medium) do not.
     */
    @Test
    void ruffsLikelyBugsComeBeforeItsComplexityAdvice() {
        List<Finding> findings = many(34, i -> Finding.of("C901", "Complexity", Severity.MEDIUM, "rich/m" + i + ".py", 1, 1,
                "`f" + i + "` is too complex (11 > 10)", "f" + i));
        findings.add(Finding.of("B019", "Bugbear", Severity.MEDIUM, "rich/color.py", 484, 484,
                "Use of `functools.lru_cache` or `functools.cache` on methods can lead to memory leaks", "lru_cache"));
        findings.add(Finding.of("S302", "Bandit", Severity.MEDIUM, "rich/style.py", 475, 475,
                "Deserialization with the `marshal` module is possibly dangerous", "marshal.loads"));
        findings.add(Finding.of("PLE0704", "Pylint errors", Severity.MEDIUM, "app/errors.py", 3, 3,
                "Bare `raise` statement is not inside an exception handler", "raise"));
        findings.add(Finding.of("F821", "Pyflakes", Severity.MEDIUM, "app/names.py", 7, 7, "Undefined name `colour`", "colour"));
        findings.add(Finding.of("E722", "pycodestyle", Severity.MEDIUM, "rich/logging.py", 282, 282, "Do not use bare `except`",
                "except:"));

        assertThat(FindingGroup.of(findings)).extracting(FindingGroup::rule)
                .containsExactly("B019", "F821", "S302", "C901", "E722", "PLE0704");
    }

    /** A group of findings that measure something leads with its largest: the threshold case says least. */
    @Test
    void aGroupOfMeasuresShowsTheLargestFirst() {
        List<Finding> cognitive = List.of(
                measured("CognitiveComplexity", "a/Alpha.java", 386,
                        "The method 'toString()' has a cognitive complexity of 15, current threshold is 15"),
                measured("CognitiveComplexity", "b/Beta.java", 246,
                        "The method 'segmentFor(int)' has a cognitive complexity of 42, current threshold is 15"),
                measured("CognitiveComplexity", "c/Gamma.java", 9,
                        "The method 'parse(String)' has a cognitive complexity of 17, current threshold is 15"));
        FindingGroup group = FindingGroup.of(cognitive).get(0);
        assertThat(group.message()).isEqualTo("The method 'segmentFor(int)' has a cognitive complexity of 42, current threshold is 15");
        assertThat(group.locations()).containsExactly("b/Beta.java:246", "c/Gamma.java:9", "a/Alpha.java:386");

        List<Finding> ruff = List.of(measured("C901", "pkg/a.py", 3, "`load` is too complex (11 > 10)"),
                measured("C901", "pkg/b.py", 5, "`render` is too complex (34 > 10)"));
        assertThat(FindingGroup.of(ruff).get(0).message()).isEqualTo("`render` is too complex (34 > 10)");

        List<Finding> hotspots = List.of(measured("hotspot", "A.java", null, "A.java: 1 commit × complexity 500"),
                measured("hotspot", "B.java", null, "B.java: 12 commits × complexity 80"));
        assertThat(FindingGroup.of(hotspots).get(0).locations()).containsExactly("B.java", "A.java");

        List<Finding> parameters = List.of(
                measured("ExcessiveParameterList", "A.java", 3, "Avoid long parameter lists (10 parameters - threshold is 10)."),
                measured("ExcessiveParameterList", "B.java", 5, "Avoid long parameter lists (14 parameters - threshold is 10)."));
        assertThat(FindingGroup.of(parameters).get(0).locations()).containsExactly("B.java:5", "A.java:3");

        List<Finding> untested = List.of(measured("untested-module", "pkg/a.py", 1, "module pkg.a (250 lines) has no test"),
                measured("untested-module", "pkg/z.py", 1, "module pkg.z (900 lines) has no test"),
                measured("untested-module", "pkg/m.py", 1, "module pkg.m (400 lines) has no test"));
        assertThat(FindingGroup.of(untested).get(0).locations()).containsExactly("pkg/z.py:1", "pkg/m.py:1", "pkg/a.py:1");
    }

    /** A finding of one group (same rule, severity and scope) whose message states a measure. */
    private static Finding measured(String rule, String file, Integer line, String message) {
        return Finding.of(rule, "Design", Severity.MEDIUM, file, line, line, message, file);
    }

    /** {@code count} findings of one kind, one per file, to which a test adds the few it orders them against. */
    private static List<Finding> many(int count, IntFunction<Finding> finding) {
        return IntStream.range(0, count).mapToObj(finding).collect(Collectors.toCollection(ArrayList::new));
    }
}
