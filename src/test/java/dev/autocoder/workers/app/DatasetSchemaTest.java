package dev.autocoder.workers.app;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the produced dataset files with an independent reader, DuckDB, and checks that they share one schema.
 * <p>
 * DuckDB infers the type {@code "NULL"} (or {@code JSON[]} for lists) for a column that is null or empty in
 * every row of one file; that says nothing about the column's type, so such a column agrees with any type.
 * Every other inferred type must be the same in every file, and every file must load under the one declared
 * schema of the row contract.
 */
class DatasetSchemaTest {

    /** The row contract as DuckDB column types. */
    static final Map<String, String> DECLARED = declared();

    @TempDir
    Path temp;

    private static Map<String, String> declared() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("schema_version", "BIGINT");
        columns.put("worker", "VARCHAR");
        columns.put("iteration", "BIGINT");
        columns.put("timestamp", "TIMESTAMP WITH TIME ZONE");
        columns.put("perspective_number", "BIGINT");
        columns.put("perspective_id", "VARCHAR");
        columns.put("perspective_name", "VARCHAR");
        columns.put("repository", "VARCHAR");
        // issue 17: every row names its target
        columns.put("target_id", "VARCHAR");
        columns.put("commit", "VARCHAR");
        columns.put("duration_ms", "BIGINT");
        columns.put("status", "VARCHAR");
        columns.put("error", "VARCHAR");
        columns.put("reason", "VARCHAR");
        columns.put("summary", "VARCHAR");
        columns.put("quality_score", "DOUBLE");
        columns.put("issues_found", "BIGINT");
        columns.put("findings", "STRUCT(id VARCHAR, rule VARCHAR, category VARCHAR, severity VARCHAR, scope VARCHAR, file VARCHAR, line BIGINT, end_line BIGINT, message VARCHAR)[]");
        columns.put("finding_groups", "STRUCT(rule VARCHAR, category VARCHAR, severity VARCHAR, scope VARCHAR, count BIGINT, message VARCHAR, locations VARCHAR[])[]");
        columns.put("new_findings", "BIGINT");
        columns.put("resolved_findings", "BIGINT");
        columns.put("recommendations", "VARCHAR[]");
        columns.put("metrics", "STRUCT(name VARCHAR, value DOUBLE)[]");
        columns.put("details", "VARCHAR");
        // the analysis worker's own columns (issue 18: new code and the quality gate)
        columns.put("new_code", "STRUCT(setting VARCHAR, baseline VARCHAR, baseline_commit VARCHAR, new_findings BIGINT, overall_findings BIGINT, undecided_findings BIGINT)");
        columns.put("quality_gate", "STRUCT(status VARCHAR, reason VARCHAR, conditions STRUCT(metric VARCHAR, operator VARCHAR, threshold DOUBLE, \"value\" DOUBLE, at_least BOOLEAN, status VARCHAR, detail VARCHAR)[])");
        return columns;
    }

    @Test
    void everyFileOfTheDatasetHasTheSameSchema() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        properties.put("autocoder.store.max-file-size", "24KB");
        // only the analysis worker's rows are checked: the other workers would only compete for the cores
        properties.put("autocoder.workers.enabled", "analysis");
        List<Path> files;
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("two rotations").atMost(Duration.ofMinutes(2)).until(() -> store.rows("autocoder-analysis-results").size() >= 12);
            files = store.dataFiles("autocoder-analysis-results");
        }
        assertThat(files).hasSizeGreaterThan(1);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            Map<String, String> agreed = new LinkedHashMap<>();
            for (Path file : files) {
                Map<String, String> inferred = describe(sql, "read_json_auto('" + file + "', sample_size = -1)");
                assertThat(inferred.keySet()).as("columns of %s", file).containsExactlyElementsOf(DECLARED.keySet());
                for (Map.Entry<String, String> column : inferred.entrySet()) {
                    String type = column.getValue();
                    if (type.contains("NULL") || type.contains("JSON")) {
                        continue;
                    }
                    String before = agreed.putIfAbsent(column.getKey(), type);
                    assertThat(type).as("type of %s in %s", column.getKey(), file).isEqualTo(before == null ? type : before);
                }
            }
            for (Map.Entry<String, String> column : agreed.entrySet()) {
                assertThat(column.getValue()).as("inferred type of %s", column.getKey()).isEqualTo(normalize(DECLARED.get(column.getKey())));
            }

            List<String> quoted = new ArrayList<>();
            files.forEach(f -> quoted.add("'" + f + "'"));
            StringBuilder columns = new StringBuilder("{");
            DECLARED.forEach((name, type) -> columns.append(columns.length() > 1 ? ", " : "").append("'").append(name).append("': '").append(type).append("'"));
            columns.append('}');
            try (ResultSet all = sql.executeQuery("SELECT count(*), count(DISTINCT iteration), min(iteration), max(iteration) FROM read_json("
                    + quoted + ", format = 'newline_delimited', columns = " + columns + ")")) {
                all.next();
                long rows = all.getLong(1);
                assertThat(all.getLong(2)).isEqualTo(rows);
                assertThat(all.getLong(3)).isEqualTo(1);
                assertThat(all.getLong(4)).isEqualTo(rows);
            }
        }
    }

    private static Map<String, String> describe(Statement sql, String source) throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet described = sql.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (described.next()) {
                columns.put(described.getString("column_name"), normalize(described.getString("column_type")));
            }
        }
        return columns;
    }

    /** DuckDB quotes some field names in type strings ("commit", "value"); compare without the quotes. */
    private static String normalize(String type) {
        return type.replace("\"", "");
    }
}
