package dev.autocoder.workers.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset card ({@code README.md}) of a worker's dataset: YAML front matter whose {@code configs} cover every
 * data file and whose {@code dataset_info.features} declare the row schema (no {@code splits}: rows keep
 * arriving, and a stale row count would make {@code load_dataset} fail), then what the worker does.
 */
final class DatasetCard {

    /** Data files live at {@code data/yyyy/MM/dd/<name>.jsonl}; paths sort chronologically. */
    public static final String DATA_FILES = "data/*/*/*/*.jsonl";
    /** A listed target's data files: {@code data/{target_id}/yyyy/MM/dd/<name>.jsonl}. */
    public static final String TARGET_DATA_FILES = "data/*/*/*/*/*.jsonl";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private static final Map<String, String> ABOUT = Map.of(
            "analysis", "The analysis worker looks at the repository from one perspective per tick (code quality, "
                    + "architecture, performance, security, dependencies, test coverage) and writes what it found.",
            "test-planning", "The test-planning worker turns the repository and the analysis results into test "
                    + "specifications, one perspective per tick, with JUnit 5 skeletons.",
            "implementation", "The implementation worker takes one analysis finding per cycle through six thinking "
                    + "stages, ending in a verified patch where the fix is mechanical.");

    private DatasetCard() {
    }

    /** A perspective as the card lists it. */
    public record ListedPerspective(int number, String id, String name) {
    }

    public static String render(String repoId, String worker, List<ListedPerspective> perspectives,
                                List<Map<String, Object>> features) {
        return render(repoId, worker, perspectives, features, List.of());
    }

    /**
     * The card of a dataset that holds the rows of several targets, one folder each ({@code targetIds}): one config
     * per target reading {@code data/{target_id}/}, and the default config reading every row (the single target's
     * folders {@code data/yyyy/} included). Without targets, the card of one repository.
     */
    public static String render(String repoId, String worker, List<ListedPerspective> perspectives,
                                List<Map<String, Object>> features, List<String> targetIds) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("pretty_name", "Autocoder " + worker + " results");
        front.put("tags", List.of("autocoder", "code-analysis", worker));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("config_name", "default");
        config.put("default", true);
        config.put("data_files", List.of(Map.of("split", "train", "path",
                targetIds.isEmpty() ? DATA_FILES : List.of(DATA_FILES, TARGET_DATA_FILES))));
        List<Map<String, Object>> configs = new java.util.ArrayList<>(List.of(config));
        List<Map<String, Object>> infos = new java.util.ArrayList<>(List.of(info("default", features)));
        for (String target : targetIds) {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("config_name", target);
            own.put("data_files", List.of(Map.of("split", "train", "path", "data/" + target + "/*/*/*/*.jsonl")));
            configs.add(own);
            infos.add(info(target, features));
        }
        front.put("configs", configs);
        front.put("dataset_info", targetIds.isEmpty() ? infos.get(0) : infos);

        StringBuilder card = new StringBuilder();
        card.append("---\n").append(yaml(front)).append("---\n\n");
        card.append("# Autocoder ").append(worker).append(" results\n\n");
        card.append(ABOUT.getOrDefault(worker, "Rows published by the Autocoder Workers " + worker + " worker."))
                .append(" Every row is the result of one iteration, computed from the repository itself; a ")
                .append("perspective that could not say something writes `status` `skipped` or `error` with a reason.\n\n");
        card.append("Written by Autocoder Workers through the Hub's commit API: each commit adds ")
                .append("new JSON Lines files under `data/yyyy/MM/dd/`, so file paths sort chronologically and the ")
                .append("last row of the train split is the latest.\n\n");
        card.append("## Perspectives\n\n| # | id | name |\n|---|---|---|\n");
        for (ListedPerspective p : perspectives) {
            card.append("| ").append(p.number()).append(" | `").append(p.id()).append("` | ").append(p.name()).append(" |\n");
        }
        card.append("\n## Row schema\n\n| column | type |\n|---|---|\n");
        for (Map<String, Object> feature : features) {
            card.append("| `").append(feature.get("name")).append("` | ").append(typeText(feature)).append(" |\n");
        }
        card.append("\nValues that do not apply are null; lists are empty, never missing. `details` is a JSON-encoded ")
                .append("string whose content depends on the perspective.\n\n");
        card.append("## Loading\n\n```python\nfrom datasets import load_dataset\n\nrows = load_dataset(\"")
                .append(repoId).append("\")[\"train\"]\nlatest = rows[-1]\nprint(latest[\"perspective_name\"], latest[\"summary\"])\n```\n");
        if (!targetIds.isEmpty()) {
            card.append("\n## Repositories\n\nOne config per repository (its `target_id`); the default config reads them all.\n\n")
                    .append("```python\nrows = load_dataset(\"").append(repoId).append("\", \"").append(targetIds.get(0))
                    .append("\")[\"train\"]\n```\n\n| config |\n|---|\n");
            targetIds.forEach(target -> card.append("| `").append(target).append("` |\n"));
        }
        return card.toString();
    }

    private static Map<String, Object> info(String configName, List<Map<String, Object>> features) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("config_name", configName);
        info.put("features", features);
        return info;
    }

    private static String typeText(Map<String, Object> feature) {
        if (feature.containsKey("dtype")) {
            return (String) feature.get("dtype");
        }
        if (feature.containsKey("list")) {
            Object content = feature.get("list");
            return "list of " + (content instanceof String s ? s : "struct");
        }
        return "struct";
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the card's front matter cannot be written", e);
        }
    }
}
