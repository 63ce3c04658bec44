package dev.autocoder.workers.implementation.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.implementation.task.NewestRows;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.row.Row;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test-planning worker's specifications, from the newest ok row of each of its perspectives in its dataset
 * (see {@link NewestRows} for where it is read from), distinct by id.
 */
@Component
public class TestPlanningSpecs {

    private final NewestRows rows;
    private final String dataset;
    private final ObjectMapper mapper;

    public TestPlanningSpecs(NewestRows rows, AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
        this.rows = rows;
        this.dataset = properties.getImplementation().getTestPlanningDataset();
    }

    public String dataset() {
        return dataset;
    }

    /** What the newest rows hold: the specifications, and how many rows they came from. */
    public record Specs(List<TestSpecification> specifications, int rows) {

        /** The specifications for a method, by {@code com.acme.Parser#parse(String)}. */
        public List<TestSpecification> forMethod(String methodKey) {
            return specifications.stream().filter(s -> methodKey.equals(s.classUnderTest() + "#" + s.methodUnderTest())).toList();
        }
    }

    public Specs latest() {
        return latest(null);
    }

    /** The specifications of one listed target ({@code target_id}); null for the single target (every row). */
    public Specs latest(String targetId) {
        List<String> perspectives = PerspectiveCatalog.CANONICAL_ORDER_BY_WORKER.getOrDefault("test-planning", List.of());
        Map<String, Row> newest = rows.read(dataset, perspectives, targetId).rows();
        Map<String, TestSpecification> byId = new LinkedHashMap<>();
        for (Row row : newest.values()) {
            Object analysis = row.extraColumns().get("analysis");
            if (analysis == null) {
                continue;
            }
            JsonNode specs = mapper.valueToTree(analysis).path("test_specifications");
            for (JsonNode spec : specs) {
                try {
                    TestSpecification parsed = mapper.treeToValue(spec, TestSpecification.class);
                    if (parsed.id() != null) {
                        byId.putIfAbsent(parsed.id(), parsed);
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                    // a row written by another version: its unreadable specification is left out
                }
            }
        }
        return new Specs(List.copyOf(new ArrayList<>(byId.values())), newest.size());
    }
}
