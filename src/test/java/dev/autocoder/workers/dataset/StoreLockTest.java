package dev.autocoder.workers.dataset;

import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One application per store folder: a second one is refused with a clear error, and the first loses nothing. */
class StoreLockTest {

    private static final String DATASET = "autocoder-analysis-results";

    @TempDir
    Path temp;

    @Test
    void aSecondApplicationOnTheSameStoreIsRefusedAndTheFirstGoesOn() throws Exception {
        Path target = FixtureRepository.create(temp.resolve("repo")).root();
        Path store = temp.resolve("store");
        Map<String, Object> properties = App.fastWorkerProperties(target, store);
        try (ConfigurableApplicationContext first = App.start(properties)) {
            DatasetStore rows = first.getBean(DatasetStore.class);
            await("a first row").atMost(Duration.ofMinutes(2)).until(() -> !rows.rows(DATASET).isEmpty());

            assertThatThrownBy(() -> App.start(properties).close())
                    .hasStackTraceContaining("autocoder.store.path: another application uses the store "
                            + store.toAbsolutePath().normalize() + " (process " + ProcessHandle.current().pid() + ", since ")
                    .hasStackTraceContaining("stop the other one, or give this one a folder of its own");

            // the refused one repaired nothing: the first one's rows go on, numbered without a gap
            int before = rows.rows(DATASET).size();
            await("rows after the refusal").atMost(Duration.ofMinutes(2)).until(() -> rows.rows(DATASET).size() >= before + 2);
            List<Long> iterations = rows.rows(DATASET).stream().map(Row::iteration).toList();
            assertThat(iterations).isEqualTo(LongStream.rangeClosed(1, iterations.size()).boxed().toList());
        }
        // once the first has stopped, the folder is free
        try (ConfigurableApplicationContext second = App.start(properties)) {
            DatasetStore rows = second.getBean(DatasetStore.class);
            int before = rows.rows(DATASET).size();
            await("the next application's row").atMost(Duration.ofMinutes(2)).until(() -> rows.rows(DATASET).size() > before);
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndAProcessKilledLeavesNoStaleLock() throws Exception {
        Path store = temp.resolve("store");
        Process holder = new ProcessBuilder(KafkaBroker.javaBinary(), "-cp", System.getProperty("java.class.path"),
                HoldsTheLock.class.getName(), store.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("held");

            assertThatThrownBy(() -> StoreLock.acquire(store))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("another application uses the store " + store)
                    .hasMessageContaining("process " + holder.pid() + ", since ");
        } finally {
            // SIGKILL: no shutdown hook runs, the operating system drops the lock with the process
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        try (StoreLock lock = StoreLock.acquire(store)) {
            assertThat(store.resolve(StoreLock.FILE)).content().startsWith("process " + ProcessHandle.current().pid());
        }
    }

    /** The other process: holds the store's lock until it is killed. */
    public static final class HoldsTheLock {
        public static void main(String[] args) throws Exception {
            StoreLock.acquire(Path.of(args[0]));
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(3).toMillis());
        }
    }
}
