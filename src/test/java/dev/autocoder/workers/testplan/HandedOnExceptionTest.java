package dev.autocoder.workers.testplan;

import dev.autocoder.workers.row.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catch of Exception or Throwable that hands the caught exception itself on to a call (a future's
 * {@code setException(t)}, an event bus's handler: Guava's {@code AbstractFuture}, {@code EventBus}) delivers every
 * failure to whoever deals with it: no over-broad catch. One that only logs it (also through
 * {@code Logger.getLogger(..).log(.., e)}), or uses something else, still is.
 */
class HandedOnExceptionTest {

    private static final String JAVA = """
            package shop;

            import java.util.concurrent.CompletableFuture;
            import java.util.function.Supplier;
            import java.util.logging.Logger;

            public class Tasks {
                private static final Logger LOG = Logger.getLogger("tasks");

                public <T> void complete(CompletableFuture<T> future, Supplier<T> work) {
                    try {
                        future.complete(work.get());
                    } catch (Throwable t) {
                        future.completeExceptionally(t);
                    }
                }

                public <T> T orNull(Supplier<T> work) {
                    try {
                        return work.get();
                    } catch (Exception e) {
                        LOG.warning(e.getMessage());
                        return null;
                    }
                }

                public String describe(Object value) {
                    try {
                        return value.toString();
                    } catch (Exception e) {
                        Logger.getLogger("tasks").log(java.util.logging.Level.WARNING, "toString failed", e);
                        return value.getClass().getName();
                    }
                }
            }
            """;

    private static final String PYTHON = """
            import logging

            log = logging.getLogger(__name__)


            def complete(future, work):
                try:
                    future.set_result(work())
                except Exception as error:
                    future.set_exception(error)


            def or_none(work):
                try:
                    return work()
                except Exception as error:
                    log.warning(error)
                    return None
            """;

    @TempDir
    Path temp;

    @Test
    void aCatchThatHandsTheExceptionOnIsNotOverBroad() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("src/main/java/shop/Tasks.java", JAVA,
                "tasks/__init__.py", "", "tasks/run.py", PYTHON));

        assertThat(harness.run(harness.perspective("error-handling")).findings())
                .filteredOn(f -> f.rule().equals("over-broad-catch"))
                .extracting(f -> f.file() + ":" + f.line())
                .containsExactlyInAnyOrder("src/main/java/shop/Tasks.java:21", "src/main/java/shop/Tasks.java:30", "tasks/run.py:16");
    }
}
