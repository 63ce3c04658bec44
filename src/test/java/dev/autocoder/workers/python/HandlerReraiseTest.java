package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pylint's PLE0704 reports a bare {@code raise} outside an except clause, which fails when no exception is being
 * handled. Flask's {@code Flask.handle_user_exception} is called only from {@code full_dispatch_request}'s
 * {@code except Exception}, where the bare raise re-raises that exception: the code-quality row leaves such reports
 * out and counts them (they led flask's first screen). A helper also called outside a handler keeps its report.
 */
class HandlerReraiseTest {

    @TempDir
    Path root;

    @Test
    void aBareRaiseInAHelperCalledOnlyFromHandlersIsLeftOut() {
        TestSnapshots.write(root, "app.py", """
                class App:
                    def dispatch(self, request):
                        try:
                            return self.route(request)
                        except Exception as e:
                            return self.handle_user_exception(e)

                    def handle_user_exception(self, e):
                        handler = self.find_handler(e)
                        if handler is None:
                            raise
                        return handler(e)

                    def route(self, request):
                        return request

                    def find_handler(self, e):
                        return None


                def report(error):
                    if error is None:
                        raise
                    return str(error)


                def run(job):
                    try:
                        return job()
                    except ValueError as e:
                        return report(e)


                def summary(job):
                    return report(job())
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        // report() is also called outside a handler (summary), where its bare raise fails: reported
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("PLE0704")).extracting(f -> f.line())
                .containsExactly(23);
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_handler_reraises");
            assertThat(m.value()).isEqualTo(1.0);
        });
        assertThat(result.summary()).contains("(and 1 bare-raise report left out: the function is called only from "
                + "except clauses, whose exception it re-raises)");
    }
}
