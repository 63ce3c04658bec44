package dev.autocoder.workers.implementation.stages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a planned test goes: Maven's test folder for Java, the pytest skeleton's module for Python; a Python
 * specification read from a row written before specifications named pytest's tests has none: its JUnit-style class
 * ({@code setupEdgeCasesTest}, {@code rich._filenoFailureModesTest}) names no test module.
 */
class TestFileTest {

    @Test
    void aTestGoesWhereItsLanguageKeepsTests() {
        assertThat(TestingStrategyStage.testFile("core/src/main/java/com/acme/Parser.java", "com.acme.ParserEdgeCasesTest"))
                .isEqualTo("core/src/test/java/com/acme/ParserEdgeCasesTest.java");
        assertThat(TestingStrategyStage.testFile("rich/_fileno.py", "test_rich_fileno_failure_modes.TestFilenoFailureModes"))
                .isEqualTo("test_rich_fileno_failure_modes.py");
        assertThat(TestingStrategyStage.testFile("setup.py", "setupEdgeCasesTest")).isNull();
        assertThat(TestingStrategyStage.testFile("rich/_fileno.py", "rich._filenoFailureModesTest")).isNull();
    }
}
