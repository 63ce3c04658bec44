package dev.autocoder.workers.analysis.coverage;

import java.util.List;

/**
 * Where tests live and how test classes are named, for the static test-mapping method.
 * <p>
 * Test source folders: anything under {@code src/test/}, {@code src/it/} or {@code src/integrationTest/},
 * and any folder named {@code test} or {@code tests}. A test class of {@code Foo} is named {@code FooTest},
 * {@code FooTests}, {@code FooIT} or {@code TestFoo}.
 */
final class TestConventions {

    static final List<String> TEST_FOLDERS = List.of("src/test/", "src/it/", "src/integrationTest/", "test/", "tests/");

    private TestConventions() {
    }

    /** The test class names looked for, in this order. */
    static List<String> testNamesFor(String simpleName) {
        return List.of(simpleName + "Test", simpleName + "Tests", simpleName + "IT", "Test" + simpleName);
    }

    static boolean isTestPath(String path) {
        String anchored = "/" + path;
        if (anchored.contains("/src/test/") || anchored.contains("/src/it/")
                || anchored.contains("/src/integrationTest/")) {
            return true;
        }
        String folders = anchored.substring(0, anchored.lastIndexOf('/') + 1);
        return folders.contains("/test/") || folders.contains("/tests/");
    }
}
