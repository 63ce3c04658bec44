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
 * a failure the call raises (medium for a fixed command), of low impact where the function handles it (sphinx's
 * graphviz translates a CalledProcessError into its own error), also from a lambda it hands to a call that runs it.
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


            class RenderError(Exception):
                pass


            def render(dot, code):
                try:
                    return subprocess.run([dot, "-Tpng"], input=code, check=True, stdout=subprocess.PIPE).stdout
                except subprocess.CalledProcessError as exc:
                    raise RenderError(exc.stderr) from exc


            def convert(tool, path):
                try:
                    subprocess.run([tool, path], check=True)
                except Exception:
                    return False
                return True


            def retry(call):
                return call()


            def rerun(tool):
                try:
                    retry(lambda: subprocess.run([tool], check=True))
                except subprocess.CalledProcessError:
                    return False
                return True


            def later(tool, callbacks):
                try:
                    callbacks.append(lambda: subprocess.run([tool], check=True))
                except subprocess.CalledProcessError:
                    return False
                return True


            def when_done(loop, future):
                try:
                    loop.current().add_future(future, lambda f: subprocess.run([f.result()], check=True))
                except subprocess.CalledProcessError:
                    return False
                return True
            """;

    @TempDir
    Path temp;

    @Test
    void aShellCommandFailsAsAnExitStatusAndADroppedOneGoesUnnoticed() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("tools/__init__.py", "", "tools/commands.py", COMMANDS));

        TestPlanAnalysis plan = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes")));

        assertThat(plan.failureModes()).filteredOn(m -> !m.mode().equals("thrown-exception"))
                .extracting(FailureMode::method, FailureMode::mode, FailureMode::exception,
                        FailureMode::probability, FailureMode::impact)
                .containsExactlyInAnyOrder(
                        tuple("clear()", "ignored-exit-status", null, "low", "high"),
                        tuple("edit(filename, editor)", "ignored-exit-status", null, "high", "high"),
                        tuple("build(target)", "integration-failure", "subprocess.CalledProcessError", "high", "high"),
                        tuple("lint(path)", "integration-failure", "OSError", "high", "high"),
                        tuple("lint(path)", "ignored-exit-status", null, "high", "high"),
                        // a fixed command (packaging's own interpreter running a one-liner) is less likely to fail
                        tuple("mac_version()", "integration-failure", "subprocess.CalledProcessError", "medium", "high"),
                        // handled where it happens (sphinx's graphviz: translated into its own error): impact low
                        tuple("render(dot, code)", "integration-failure", "subprocess.CalledProcessError", "high", "low"),
                        tuple("convert(tool, path)", "integration-failure", "subprocess.CalledProcessError", "high", "low"),
                        // a lambda handed to a call runs within it (paramiko's `retry_on_signal(lambda: sock.connect(addr))`
                        // in a try), unless the call keeps it for later
                        tuple("rerun(tool)", "integration-failure", "subprocess.CalledProcessError", "high", "low"),
                        tuple("later(tool, callbacks)", "integration-failure", "subprocess.CalledProcessError", "high", "high"),
                        // tornado's `IOLoop.current().add_future(future, lambda f: f.result())`: kept, run later
                        tuple("when_done(loop, future)", "integration-failure", "subprocess.CalledProcessError", "medium", "high"));
        String skeleton = plan.skeletons().stream().map(TestSkeleton::source).reduce("", String::concat);
        assertThat(skeleton).contains("def test_edit_when_the_command_fails_reports_it(self):")
                .contains("Expected: a non-zero exit status reported to the caller (raised, returned or logged).")
                .doesNotContain("pytest.raises(OSError)");
    }

    /**
     * Sphinx's imgmath imports the error it catches ({@code from subprocess import CalledProcessError}) and
     * translates it: handled where it happens, as when the handler writes {@code subprocess.CalledProcessError}.
     * Sphinx's {@code requests.get(url, **kwargs)} wrapper returns the call as it is, "like requests.get()": its
     * callers get the call's failures as they would calling it themselves, impact medium.
     */
    @Test
    void aHandlerNamingTheErrorAsTheFileImportsItHandlesIt() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("tools/__init__.py", "", "tools/convert.py", """
                from subprocess import PIPE, CalledProcessError, run


                class ConvertError(Exception):
                    pass


                def convert_dvi(command):
                    try:
                        return run(command, stdout=PIPE, check=True).stdout
                    except OSError:
                        return None
                    except CalledProcessError as exc:
                        raise ConvertError(exc.stderr) from exc


                def convert_png(command):
                    return run(command, stdout=PIPE, check=True).stdout


                def run_like_subprocess(command, **kwargs):
                    kwargs.setdefault("check", True)
                    return run(command, **kwargs)
                """));

        TestPlanAnalysis plan = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes")));

        assertThat(plan.failureModes()).filteredOn(m -> m.mode().equals("integration-failure"))
                .extracting(FailureMode::method, FailureMode::exception, FailureMode::probability, FailureMode::impact)
                .containsExactlyInAnyOrder(
                        tuple("convert_dvi(command)", "subprocess.CalledProcessError", "high", "low"),
                        tuple("convert_png(command)", "subprocess.CalledProcessError", "high", "high"),
                        // a wrapper returning the call as it is: its callers get the call's failures as they would
                        tuple("run_like_subprocess(command, **kwargs)", "OSError", "high", "medium"));
    }
}
