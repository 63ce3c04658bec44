package dev.autocoder.workers.analysis.coverage;

import java.util.List;

/**
 * How test classes are named, for the static test-mapping method: a test class of {@code Foo} is named
 * {@code FooTest}, {@code FooTests}, {@code FooIT} or {@code TestFoo}. Where tests live is the snapshot's
 * {@code test} scope ({@link dev.autocoder.workers.repository.CodeScopes}).
 */
final class TestConventions {

    private TestConventions() {
    }

    /** The test class names looked for, in this order. */
    static List<String> testNamesFor(String simpleName) {
        return List.of(simpleName + "Test", simpleName + "Tests", simpleName + "IT", "Test" + simpleName);
    }
}
