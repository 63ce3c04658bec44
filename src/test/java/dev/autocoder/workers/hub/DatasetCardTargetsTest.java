package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The card of a dataset with the rows of several targets: one Hugging Face config per target, the default reads all. */
class DatasetCardTargetsTest {

    @Test
    void oneConfigPerTargetAndADefaultThatReadsEveryRow() throws Exception {
        List<Map<String, Object>> features = new DatasetFeatures(new ObjectMapper()).forRows(Map.of());
        String card = DatasetCard.render("alice/autocoder-analysis-results", "analysis", List.of(), features,
                List.of("alpha-0a1b2c3d", "beta-4e5f6a7b"));
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(card.substring(4, card.indexOf("\n---\n", 4)));

        JsonNode configs = yaml.path("configs");
        assertThat(configs).hasSize(3);
        assertThat(configs.get(0).path("config_name").asText()).isEqualTo("default");
        assertThat(configs.get(0).path("default").asBoolean()).isTrue();
        assertThat(configs.get(0).path("data_files").get(0).path("path")).extracting(JsonNode::asText)
                .containsExactly("data/*/*/*/*.jsonl", "data/*/*/*/*/*.jsonl");
        assertThat(configs.get(1).path("config_name").asText()).isEqualTo("alpha-0a1b2c3d");
        assertThat(configs.get(1).path("data_files").get(0).path("split").asText()).isEqualTo("train");
        assertThat(configs.get(1).path("data_files").get(0).path("path").asText()).isEqualTo("data/alpha-0a1b2c3d/*/*/*/*.jsonl");
        assertThat(configs.get(2).path("config_name").asText()).isEqualTo("beta-4e5f6a7b");
        assertThat(yaml.path("dataset_info")).hasSize(3);
        assertThat(yaml.path("dataset_info").get(2).path("config_name").asText()).isEqualTo("beta-4e5f6a7b");
        assertThat(yaml.path("dataset_info").get(2).path("features")).hasSize(features.size());
        assertThat(card).contains("load_dataset(\"alice/autocoder-analysis-results\", \"alpha-0a1b2c3d\")");
    }
}
