package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A Python handler catches what Python's hierarchy says it does: {@code except Exception} a ValueError,
 * {@code except LookupError} a KeyError, {@code except socket.error} (OSError's old name) a failed connect, a
 * project exception through its bases. A failure caught in its own function is no failure of the function; one the
 * handler does not catch (a ValueError under {@code except KeyError}, a KeyboardInterrupt under
 * {@code except Exception}) still is. {@code raise value.with_traceback(tb)} raises what {@code value} is.
 */
class PythonCaughtExceptionsTest {

    @TempDir
    Path temp;

    @Test
    void aHandlerCatchesWhatPythonsHierarchySaysItCatches() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/net.py", """
                import socket


                class OrderError(ValueError):
                    pass


                def parse(text):
                    try:
                        if not text:
                            raise ValueError("empty")
                        return int(text)
                    except Exception:
                        return 0


                def lookup(table, key):
                    try:
                        if key not in table:
                            raise KeyError(key)
                        return table[key]
                    except LookupError:
                        return 0


                def order(text):
                    try:
                        if not text:
                            raise OrderError("no order")
                        return text
                    except ValueError:
                        return ""


                def connect(addr):
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    try:
                        sock.connect(addr)
                    except socket.error:
                        return None
                    return sock


                def check(text):
                    try:
                        if not text:
                            raise ValueError("empty")
                    except KeyError:
                        return False
                    return True


                def stop(flag):
                    try:
                        if flag:
                            raise KeyboardInterrupt()
                    except Exception:
                        return False
                    return True


                def reraise(value, tb=None):
                    if value.__traceback__ is not tb:
                        raise value.with_traceback(tb)
                    raise value


                def wrap(tb):
                    raise OrderError("wrapped").with_traceback(tb)
                """));

        TestPlanAnalysis plan = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes")));

        assertThat(plan.failureModes()).filteredOn(m -> m.mode().equals("thrown-exception")
                        || m.mode().equals("integration-failure"))
                .extracting(FailureMode::method, FailureMode::mode, FailureMode::exception, FailureMode::impact)
                .containsExactlyInAnyOrder(
                        tuple("connect(addr)", "integration-failure", "OSError", "high"),
                        tuple("connect(addr)", "integration-failure", "OSError", "low"),
                        tuple("check(text)", "thrown-exception", "ValueError", "high"),
                        tuple("stop(flag)", "thrown-exception", "KeyboardInterrupt", "high"),
                        // `raise value.with_traceback(tb)` re-raises what it is given (peewee's reraise); a class's
                        // instance given a traceback is that class
                        tuple("wrap(tb)", "thrown-exception", "OrderError", "high"));
    }
}
