package dev.autocoder.workers.testplan.spec;

/**
 * pytest's names for the Python tests a plan specifies: the module and class its skeleton holds them in and the test
 * functions' names, so a specification of a Python function names the test its skeleton writes
 * ({@code test_rich_fileno_failure_modes.TestFilenoFailureModes}, {@code test_get_fileno_may_return_none}), not a
 * JUnit class ({@code rich._filenoFailureModesTest}).
 */
public final class PytestNames {

    private PytestNames() {
    }

    public static boolean isPython(String file) {
        return file != null && file.endsWith(".py");
    }

    /** {@code rich/_fileno.py} and {@code failure-modes} to {@code test_rich_fileno_failure_modes}. */
    public static String testModule(String file, String perspectiveId) {
        String stem = file.replaceAll("\\.py$", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase();
        return "test_" + stem + "_" + perspectiveId.replaceAll("[^A-Za-z0-9]+", "_");
    }

    /** {@code rich._fileno} and {@code failure-modes} to {@code TestFilenoFailureModes}. */
    public static String testClass(String classUnderTest, String perspectiveId) {
        return "Test" + camel(classUnderTest.substring(classUnderTest.lastIndexOf('.') + 1)) + camel(perspectiveId);
    }

    /** {@code total_edgeCases} to {@code test_total_edge_cases}. */
    public static String testFunction(String testName) {
        return "test_" + snake(testName);
    }

    /** {@code total_edgeCases} to {@code total_edge_cases}, {@code explainsABadInput} to {@code explains_a_bad_input}. */
    static String snake(String text) {
        String s = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
        s = s.replaceAll("_+", "_").replaceAll("^_|_$", "");
        return s.startsWith("test_") ? s.substring(5) : s;
    }

    private static String camel(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.isEmpty() ? "Module" : out.toString();
    }
}
