package dev.autocoder.workers.hub;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.row.Row;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared set-up of the Hub tests: application properties for a fake Hub, reading back what landed on it. */
final class HubTestApp {

    static final String DATASET = "autocoder-analysis-results";
    static final String TOKEN = "hf_" + "TestToken" + "Abcdefghijklmnopqrstuvwxyz1234";
    static final String USER = "alice";
    static final String REPO = USER + "/" + DATASET;

    private HubTestApp() {
    }

    /** The analysis worker on fast perspectives, publishing to the fake Hub every few hundred milliseconds. */
    static Map<String, Object> properties(Path target, Path store, FakeHub hub) {
        Map<String, Object> properties = App.fastWorkerProperties(target, store);
        // pinned: the faults and counts below are about this one dataset; other workers sync their own
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture,dependencies");
        properties.put("autocoder.hub.token", TOKEN);
        properties.put("autocoder.hub.endpoint", hub.uri().toString());
        properties.put("autocoder.hub.commit-interval", "300ms");
        properties.put("autocoder.hub.initial-backoff", "200ms");
        properties.put("autocoder.hub.max-backoff", "1s");
        properties.put("autocoder.hub.request-timeout", "5s");
        properties.put("autocoder.hub.commit-timeout", "5s");
        return properties;
    }

    /** Every row on the fake Hub's dataset, in file path order: what load_dataset's train split would hold. */
    static List<Row> hubRows(FakeHub hub, ObjectMapper mapper) {
        Map<String, byte[]> files = new TreeMap<>(hub.files("dataset", REPO));
        List<Row> rows = new ArrayList<>();
        files.forEach((path, content) -> {
            if (path.startsWith("data/") && path.endsWith(".jsonl")) {
                for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        try {
                            rows.add(mapper.readValue(line, Row.class));
                        } catch (Exception e) {
                            throw new AssertionError("unreadable row on the Hub in " + path, e);
                        }
                    }
                }
            }
        });
        return rows;
    }

    static List<Row> localRows(Path store) {
        return new DatasetStore(store, "local", 1 << 26, new ObjectMapper(), Clock.systemUTC()).rows(DATASET);
    }

    static List<Long> iterations(List<Row> rows) {
        return rows.stream().map(Row::iteration).toList();
    }
}
