package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestSkeleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A Python command fails as the standard library says: through a shell ({@code os.system}, {@code shell=True}) as an
 * exit status, never an OSError; with {@code check=True} as CalledProcessError. An exit status dropped on the floor
 * is its own failure mode, likely when the command is built from the input (click's {@code os.system} calls); so is
 * a failure the call raises (medium for a fixed command).
 */
class CommandFailureModesTest {

    private static final String COMMANDS = """
            import os
            import subprocess
            import sys


            def clear():
                os.system("clear")


            def edit(filename, editor):
                os.system(f'{editor} "{filename}"')


            def has_editor(editor):
                return os.system(f"which {editor} >/dev/null 2>&1") == 0


            def page(cmd, text):
                pager = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE)
                pager.communicate(text.encode())
                return pager.wait()


            def build(target):
                subprocess.run(["make", target], check=True)


            def lint(path):
                subprocess.run(["ruff", "check", path])


            def mac_version():
                return subprocess.run([sys.executable, "-c", "import platform; print(platform.mac_ver()[0])"],
                                      check=True, stdout=subprocess.PIPE).stdout
            """;

    @TempDir
    Path temp;

    @Test
    void aShellCommandFailsAsAnExitStatusAndADroppedOneGoesUnnoticed() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("tools/__init__.py", "", "tools/commands.py", COMMANDS));

        TestPlanAnalysis plan = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes")));

        assertThat(plan.failureModes()).extracting(FailureMode::method, FailureMode::mode, FailureMode::exception,
                        FailureMode::probability)
                .containsExactlyInAnyOrder(
                        tuple("clear()", "ignored-exit-status", null, "low"),
                        tuple("edit(filename, editor)", "ignored-exit-status", null, "high"),
                        tuple("build(target)", "integration-failure", "subprocess.CalledProcessError", "high"),
                        tuple("lint(path)", "integration-failure", "OSError", "high"),
                        tuple("lint(path)", "ignored-exit-status", null, "high"),
                        // a fixed command (packaging's own interpreter running a one-liner) is less likely to fail
                        tuple("mac_version()", "integration-failure", "subprocess.CalledProcessError", "medium"));
        String skeleton = plan.skeletons().stream().map(TestSkeleton::source).reduce("", String::concat);
        assertThat(skeleton).contains("def test_edit_when_the_command_fails_reports_it(self):")
                .contains("Expected: a non-zero exit status reported to the caller (raised, returned or logged).")
                .doesNotContain("pytest.raises(OSError)");
    }
}
