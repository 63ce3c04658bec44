package dev.autocoder.workers.testplan;

import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new exception thrown in a handler without the caught one: Java loses the caught one (medium); Python keeps it
 * as the new one's context and prints it in the traceback, so a missing {@code from e} is low (rich's five).
 */
class LostCauseSeverityTest {

    private static final String PYTHON = """
            class RenderError(Exception):
                pass


            def render(value):
                try:
                    return str(value)
                except TypeError:
                    raise RenderError("cannot render")
            """;

    private static final String JAVA = """
            package shop;

            public class Prices {
                public int parse(String text) {
                    try {
                        return Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a price");
                    }
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void pythonKeepsTheCaughtExceptionAsContext() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/render.py", PYTHON,
                "src/main/java/shop/Prices.java", JAVA));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("lost-cause"))
                .extracting(f -> f.severity() + " " + f.file() + ":" + f.line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "LOW shop/render.py:8 render.render(value): raises a new exception without `from` the caught TypeError: "
                                + "the traceback shows it only as the context (\"During handling of the above exception\")",
                        "MEDIUM src/main/java/shop/Prices.java:7 Prices.parse(String): throws a new exception without the "
                                + "caught NumberFormatException as its cause");
    }
}
