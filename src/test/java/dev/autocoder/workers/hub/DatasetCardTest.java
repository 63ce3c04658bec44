package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetCardTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    record CodeChanges(String file, String code, boolean verified) {
    }

    record Analysis(@com.fasterxml.jackson.annotation.JsonProperty("code_changes") CodeChanges codeChanges,
                    List<String> notes) {
    }

    @Test
    void theDeclaredFeaturesAreExactlyTheKeysARowIsWrittenWithInTheSameOrder() throws Exception {
        Map<String, Type> own = new LinkedHashMap<>();
        own.put("stage_name", String.class);
        own.put("analysis", Analysis.class);
        List<Map<String, Object>> features = new DatasetFeatures(mapper).forRows(own);

        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("stage_name", "Implementation Plan");
        columns.put("analysis", new Analysis(new CodeChanges("A.java", "class A {}", true), List.of()));
        Row row = new Row(1, "implementation", 7, "2026-11-24T10:00:00Z", 6, "implementation-plan", "Implementation Plan",
                "repo", "abc", 12, Status.OK, null, null, "s", 0.5, 1,
                List.of(Finding.of("R", "c", Severity.HIGH, "A.java", 3, 4, "m", "x")), 1, 0, List.of("r"),
                List.of(Metric.of("m", 1)), "{}", columns);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(row));
        List<String> keys = new ArrayList<>();
        written.fieldNames().forEachRemaining(keys::add);
        assertThat(features).extracting(f -> f.get("name")).containsExactlyElementsOf(keys);

        assertThat(feature(features, "iteration")).containsEntry("dtype", "int64");
        assertThat(feature(features, "quality_score")).containsEntry("dtype", "float64");
        assertThat(feature(features, "status")).containsEntry("dtype", "string");
        assertThat(feature(features, "recommendations")).containsEntry("list", "string");
        // a list of structs: its fields, named as the JSON names them
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> finding = (List<Map<String, Object>>) feature(features, "findings").get("list");
        assertThat(finding).extracting(f -> f.get("name"))
                .containsExactly("id", "rule", "category", "severity", "scope", "file", "line", "end_line", "message");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> group = (List<Map<String, Object>>) feature(features, "finding_groups").get("list");
        assertThat(group).extracting(f -> f.get("name"))
                .containsExactly("rule", "category", "severity", "scope", "count", "message", "locations");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> analysis = (List<Map<String, Object>>) feature(features, "analysis").get("struct");
        assertThat(analysis).extracting(f -> f.get("name")).containsExactly("code_changes", "notes");
    }

    @Test
    void aShapelessColumnIsRefused() {
        assertThatThrownBy(() -> new DatasetFeatures(mapper).forRows(Map.of("bag", Map.class)))
                .hasMessageContaining("no fixed shape");
    }

    @Test
    void theCardsFrontMatterDeclaresTheDataFilesAndFeaturesWithoutRowCounts() throws Exception {
        List<Map<String, Object>> features = new DatasetFeatures(mapper).forRows(Map.of());
        String card = DatasetCard.render("alice/autocoder-analysis-results", "analysis",
                List.of(new DatasetCard.ListedPerspective(1, "code-quality", "Code Quality Analysis")), features);

        assertThat(card).startsWith("---\n");
        String front = card.substring(4, card.indexOf("\n---\n", 4));
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(front);
        JsonNode config = yaml.path("configs").get(0);
        assertThat(config.path("config_name").asText()).isEqualTo("default");
        assertThat(config.path("data_files").get(0).path("split").asText()).isEqualTo("train");
        assertThat(config.path("data_files").get(0).path("path").asText()).isEqualTo("data/*/*/*/*.jsonl");
        assertThat(yaml.path("dataset_info").has("splits")).isFalse();
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = yaml.path("dataset_info").path("features").elements(); it.hasNext(); ) {
            names.add(it.next().path("name").asText());
        }
        assertThat(names).containsExactlyElementsOf(Row.COMMON_COLUMNS);
        assertThat(card).contains("| 1 | `code-quality` | Code Quality Analysis |")
                .contains("load_dataset(\"alice/autocoder-analysis-results\")");
    }

    @Test
    void hubPathsKeepTheLocalFileAndOffsetAndSortChronologically() {
        String early = OutboxSegment.hubPath("2026/11/24/20261124T101500123Z.jsonl", 0);
        String later = OutboxSegment.hubPath("2026/11/24/20261124T101500123Z.jsonl", 4096);
        String nextDay = OutboxSegment.hubPath("2026/11/25/20261125T000000001Z.jsonl", 0);
        assertThat(early).isEqualTo("data/2026/11/24/20261124T101500123Z-000000000000.jsonl");
        assertThat(List.of(nextDay, later, early)).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(OutboxSegment.origin(later)).isEqualTo(new OutboxSegment.Origin("2026/11/24/20261124T101500123Z.jsonl", 4096));
        assertThat(OutboxSegment.origin("data/other.jsonl")).isNull();
        assertThat(OutboxSegment.origin("README.md")).isNull();
    }

    private static Map<String, Object> feature(List<Map<String, Object>> features, String name) {
        return features.stream().filter(f -> name.equals(f.get("name"))).findFirst().orElseThrow();
    }
}
