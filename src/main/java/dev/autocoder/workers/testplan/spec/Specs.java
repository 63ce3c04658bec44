package dev.autocoder.workers.testplan.spec;

import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.plan.PlanIds;
import dev.autocoder.workers.testplan.plan.TestSpecification;

import java.util.List;

/**
 * Builds test specifications with stable ids: the id hashes the method under test, the test name and the ids of
 * the items the test answers, so the same plan item always yields the same specification id.
 */
public final class Specs {
    private Specs() {
    }

    public static TestSpecification of(MethodRef method, String perspectiveId, String kind, String testName, String given,
                                       String when, String then, List<String> inputs, String expected,
                                       List<String> answers) {
        return of(method, perspectiveId, kind, testName, given, when, then, inputs, expected, answers, null);
    }

    /** A specification of a test that expects the exception (see {@link TestSpecification#expectedException()}). */
    public static TestSpecification of(MethodRef method, String perspectiveId, String kind, String testName, String given,
                                       String when, String then, List<String> inputs, String expected,
                                       List<String> answers, String expectedException) {
        return of(method.file().path(), method.type().packageName(), method.type().simpleName(),
                method.type().qualifiedName(), method.method().signature(), perspectiveId, kind, testName, given, when,
                then, inputs, expected, answers, expectedException);
    }

    /** A specification for a member that need not exist any more (e.g. a removed method of a kept type). */
    public static TestSpecification of(String file, String packageName, String simpleName, String qualifiedName,
                                       String signature, String perspectiveId, String kind, String testName,
                                       String given, String when, String then, List<String> inputs, String expected,
                                       List<String> answers) {
        return of(file, packageName, simpleName, qualifiedName, signature, perspectiveId, kind, testName, given, when,
                then, inputs, expected, answers, null);
    }

    private static TestSpecification of(String file, String packageName, String simpleName, String qualifiedName,
                                        String signature, String perspectiveId, String kind, String testName,
                                        String given, String when, String then, List<String> inputs, String expected,
                                        List<String> answers, String expectedException) {
        String name = identifier(testName);
        String id = PlanIds.of("test-spec", qualifiedName + "#" + signature, name, String.join(",", answers));
        if (PytestNames.isPython(file)) { // the names its pytest skeleton gives it; the id is the same in either language
            return new TestSpecification(id, qualifiedName, signature, PytestNames.testModule(file, perspectiveId) + "."
                    + PytestNames.testClass(qualifiedName, perspectiveId), PytestNames.testFunction(name), kind, given, when,
                    then, List.copyOf(inputs), expected, List.copyOf(answers), file, expectedException);
        }
        String testClass = simpleName + camel(perspectiveId) + "Test";
        return new TestSpecification(id, qualifiedName, signature,
                packageName.isEmpty() ? testClass : packageName + "." + testClass,
                name, kind, given, when, then, List.copyOf(inputs), expected, List.copyOf(answers), file, expectedException);
    }

    /** {@code edge-cases} to {@code EdgeCases}. */
    public static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** A valid Java method name from free text: letters, digits and underscores, starting with a letter. */
    public static String identifier(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (cleaned.isEmpty() || !Character.isJavaIdentifierStart(cleaned.charAt(0))) {
            cleaned = "test_" + cleaned;
        }
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }
}
