package dev.autocoder.workers.analysis.coverage;

import java.util.regex.Pattern;

/** How pytest finds tests: {@code test_*.py} and {@code *_test.py} files, and {@code conftest.py} beside them. */
final class PythonTestConventions {

    private static final Pattern TEST_FILE = Pattern.compile("test_\\w*\\.py|\\w+_test\\.py|conftest\\.py");

    private PythonTestConventions() {
    }

    static boolean isTestFile(String fileName) {
        return TEST_FILE.matcher(fileName).matches();
    }
}
