package dev.autocoder.workers.worker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Message shapes of real PMD and autocoder messages: instances of one kind of message share a shape. */
class FindingGroupTest {

    @Test
    void instancesOfOneMessageShareAShape() {
        assertThat(List.of(
                "Overridable method called during object construction: StrBuilder.append(String) ",
                "Overridable method called during object construction: StrSubstitutor.setEscapeChar(char) "))
                .extracting(FindingGroup::shape).containsOnly("Overridable method called during object construction _");
        assertThat(List.of(
                "org.apache.commons.lang3.BooleanUtils#toBooleanObject(String) has cyclomatic complexity 56 (limit 20)",
                "org.apache.commons.lang3.math.NumberUtils#createNumber(String) has cyclomatic complexity 68 (limit 20)"))
                .extracting(FindingGroup::shape).containsOnly("_ has cyclomatic complexity _");
        assertThat(List.of("The constant name 'log' doesn't match '[A-Z][A-Z_0-9]*'",
                "The constant name 'mapper' doesn't match '[A-Z][A-Z_0-9]*'"))
                .extracting(FindingGroup::shape).containsOnly("The constant name _ doesn't match _");
        assertThat(List.of("Possible God Class (WMC=57, ATFD=26, TCC=0.000%)", "Possible God Class (WMC=12, ATFD=7, TCC=3.1%)"))
                .extracting(FindingGroup::shape).containsOnly("Possible God Class");
    }

    @Test
    void withinAScopeAndSeverityLikelyDefectsComeBeforeMaintainabilityAdvice() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            findings.add(Finding.of("CognitiveComplexity", "Design", Severity.HIGH, "A" + i + ".java", 1, 1,
                    "The method 'm" + i + "()' has a cognitive complexity of 16, current threshold is 15", "m" + i));
        }
        findings.add(Finding.of("UseEqualsToCompareStrings", "Error Prone", Severity.HIGH, "B.java", 3, 3,
                "Use equals() to compare strings instead of '==' or '!='", "a == b"));
        findings.add(Finding.of("FieldNamingConventions", "Code Style", Severity.LOW, "B.java", 1, 1,
                "The constant name 'log' doesn't match '[A-Z][A-Z_0-9]*'", "log"));

        assertThat(FindingGroup.of(findings)).extracting(FindingGroup::rule, FindingGroup::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("UseEqualsToCompareStrings", 1),
                org.assertj.core.groups.Tuple.tuple("CognitiveComplexity", 55),
                org.assertj.core.groups.Tuple.tuple("FieldNamingConventions", 1));
    }

    @Test
    void differentKindsOfMessageOfOneRuleStayApart() {
        assertThat(FindingGroup.shape("The constant name 'log' doesn't match '[A-Z][A-Z_0-9]*'"))
                .isNotEqualTo(FindingGroup.shape("The field name 'Log' doesn't match '[a-z][a-zA-Z0-9]*'"));
        assertThat(FindingGroup.shape("This method may call an overridable method during object construction: A.b() (call stack: [A.c(), A.b()])"))
                .isEqualTo("This method may call an overridable method during object construction _");
    }
}
