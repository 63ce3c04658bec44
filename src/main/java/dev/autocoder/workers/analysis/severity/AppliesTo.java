package dev.autocoder.workers.analysis.severity;

import dev.autocoder.workers.repository.Scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which files a rule's findings are reported on (the {@code applies_to} column of a severity table). */
public enum AppliesTo {
    /** Every file. */
    ALL(null),
    /** Not on test and fixture files: advice that only matters for production code. */
    MAIN(null),
    /** Only on test files: rules about test code. */
    TEST(null),
    /** Only on test files of a repository whose build declares JUnit 4 and no other test framework. */
    TEST_JUNIT4(TestFramework.JUNIT4),
    /** Only on test files of a repository whose build declares JUnit Jupiter and no other test framework. */
    TEST_JUPITER(TestFramework.JUPITER),
    /** Only on test files of a repository whose build declares TestNG and no other test framework. */
    TEST_TESTNG(TestFramework.TESTNG);

    private final TestFramework framework;

    AppliesTo(TestFramework framework) {
        this.framework = framework;
    }

    /** As written in the table: all, main, test, test:junit4, test:jupiter, test:testng. */
    public String label() {
        return framework == null ? name().toLowerCase(Locale.ROOT) : "test:" + framework.label();
    }

    public static Optional<AppliesTo> of(String label) {
        return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst();
    }

    /** Whether a finding on a file of this scope is reported, given the test frameworks the build declares. */
    public boolean covers(Scope scope, Set<TestFramework> frameworks) {
        return switch (this) {
            case ALL -> true;
            case MAIN -> scope != Scope.TEST && scope != Scope.FIXTURE;
            case TEST -> scope == Scope.TEST;
            case TEST_JUNIT4, TEST_JUPITER, TEST_TESTNG -> scope == Scope.TEST && frameworks.equals(Set.of(framework));
        };
    }
}
