package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.testsupport.SmallHeapJvm;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's window of recent rows (100 by default) on rows the size of test-planning rows on a large target:
 * rebuilt at start and answered on the rows API in a JVM whose heap is smaller than the window's rows as objects.
 * Before, the window held them whole and the application ran out of heap.
 */
class LargeRowsDashboardTest {

    private static final String DATASET = "plans";
    private static final int ROWS = 100;
    private static final int ITEMS_PER_ROW = 1_500;

    @TempDir
    Path root;

    @Test
    void theRecentRowsWindowFitsAHeapSmallerThanItsRows() throws Exception {
        DatasetStore store = new DatasetStore(root, "local", 1L << 30, new ObjectMapper(), Clock.systemUTC());
        for (int i = 1; i <= ROWS; i++) {
            store.append(DATASET, Rows.planLike(i, "p" + i % 2, ITEMS_PER_ROW));
        }
        assertThat(Files.size(store.dataFiles(DATASET).get(0))).isGreaterThan(16L << 20);

        String output = SmallHeapJvm.run("40m", root, Dashboard.class, root.toString());
        assertThat(output).contains("rows: 100, recent: 100", "api rows: 100, newest 100, oldest 1, items of the newest: 1500");
    }

    /** The child JVM: rebuilds the aggregates from the store and answers the rows API's largest request. */
    public static final class Dashboard {
        public static void main(String[] args) throws Exception {
            DatasetStore store = new DatasetStore(Path.of(args[0]), "local", 1L << 30, new ObjectMapper(), Clock.systemUTC());
            WorkerRegistry registry = new WorkerRegistry(store, List.of());
            registry.register(new WorkerDefinition("test-planning", "test-planning-worker", DATASET, List.of("p0", "p1"),
                    60_000, 0));
            Aggregates aggregates = new Aggregates(store, registry, new DashboardProperties(), new ObjectMapper(), null);
            aggregates.rebuildAll();
            WorkerAggregate aggregate = aggregates.of("test-planning").orElseThrow();
            System.out.println("rows: " + aggregate.rows() + ", recent: " + aggregate.recentRows().size());

            // the API's answer, written out as the route writes it, is read back one row at a time
            Path answer = Files.createTempFile(Path.of(args[0]), "rows", ".json");
            try (OutputStream out = Files.newOutputStream(answer)) {
                new ObjectMapper().writeValue(out, Map.of("rows", aggregate.recentRows().newestAsJson(100)));
            }
            try (var parser = new ObjectMapper().createParser(answer.toFile())) {
                parser.nextToken(); // {
                parser.nextToken(); // "rows"
                parser.nextToken(); // [
                int count = 0;
                long newest = -1;
                long oldest = -1;
                int items = -1;
                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    JsonNode row = parser.readValueAsTree();
                    count++;
                    oldest = row.get("iteration").asLong();
                    if (newest < 0) {
                        newest = oldest;
                        items = row.get("analysis").get("edge_cases").size();
                    }
                }
                System.out.println("api rows: " + count + ", newest " + newest + ", oldest " + oldest
                        + ", items of the newest: " + items);
            }
        }
    }
}
