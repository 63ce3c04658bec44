package dev.autocoder.workers.analysis.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads coverage.py's JSON report ({@code coverage json}, format 2 and later):
 * {@code {"meta": {"version": …}, "files": {"pkg/x.py": {"executed_lines": […], "missing_lines": […],
 * "summary": {"covered_lines", "missing_lines", "covered_branches", "missing_branches", …}}}, "totals": …}}.
 * Each file is one entry (as for LCOV): its line and branch counts are coverage.py's own {@code summary}, its lines
 * line by line {@code executed_lines} and {@code missing_lines} (excluded lines are neither).
 */
final class CoveragePyJsonReader {

    private final ObjectMapper json;

    CoveragePyJsonReader(ObjectMapper json) {
        this.json = json;
    }

    CoverageReport read(Path file, String path) throws IOException, MalformedReportException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MalformedReportException("not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isObject() || !root.path("meta").isObject()) {
            throw new NotCoveragePy();
        }
        List<ClassCoverage> classes = new ArrayList<>();
        List<FileLines> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String sourceFile = entry.getKey().replace('\\', '/');
            JsonNode data = entry.getValue();
            List<Integer> executed = numbers(data, "executed_lines", sourceFile);
            List<Integer> missing = numbers(data, "missing_lines", sourceFile);
            JsonNode summary = data.path("summary");
            long covered = count(summary, "covered_lines", executed.size());
            long missed = count(summary, "missing_lines", missing.size());
            long branchesCovered = count(summary, "covered_branches", 0);
            long branchesMissed = count(summary, "missing_branches", 0);
            int slash = sourceFile.lastIndexOf('/');
            classes.add(new ClassCoverage(CoverageFormat.COVERAGE_PY, slash < 0 ? "" : sourceFile.substring(0, slash),
                    sourceFile.substring(slash + 1), sourceFile, null,
                    new CoverageCounts(covered, missed, branchesCovered, branchesMissed)));
            lines.add(FileLines.of(sourceFile, executed, missing));
        }
        return new CoverageReport(path, CoverageFormat.COVERAGE_PY, List.of(), classes, lines);
    }

    /** A JSON file by that name that is something else (a main resource, another tool's output): not a report. */
    static final class NotCoveragePy extends MalformedReportException {
        NotCoveragePy() {
            super("not a coverage.py JSON report (no \"meta\" and \"files\" objects)");
        }
    }

    private static List<Integer> numbers(JsonNode data, String field, String file) throws MalformedReportException {
        JsonNode array = data.get(field);
        if (array == null || !array.isArray()) {
            throw new MalformedReportException(file + " has no " + field + " list");
        }
        List<Integer> numbers = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            if (!n.canConvertToInt() || n.asInt() < 1) {
                throw new MalformedReportException(file + ": " + field + " holds " + n + ", not a line number");
            }
            numbers.add(n.asInt());
        }
        return numbers;
    }

    private static long count(JsonNode summary, String field, long fallback) throws MalformedReportException {
        JsonNode n = summary.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.canConvertToLong() || n.asLong() < 0) {
            throw new MalformedReportException("summary " + field + " is " + n + ", not a count");
        }
        return n.asLong();
    }
}
