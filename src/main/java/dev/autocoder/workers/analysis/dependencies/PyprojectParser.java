package dev.autocoder.workers.analysis.dependencies;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dependencies of a {@code pyproject.toml}: PEP 621 {@code [project] dependencies} and
 * {@code optional-dependencies} (PEP 508 strings), and Poetry's {@code [tool.poetry.dependencies]},
 * {@code dev-dependencies} and {@code group.<name>.dependencies}. In Poetry a bare version ({@code "1.2.3"})
 * is exact; {@code ^}, {@code ~}, {@code *} and comparisons are ranges; {@code git}/{@code path}/{@code url}
 * sources have no registry version. The {@code python} entry is the interpreter, not a dependency.
 */
final class PyprojectParser {

    private static final Pattern POETRY_EXACT = Pattern.compile("^(?:==?)?\\s*([0-9][0-9A-Za-z.!+-]*)$");

    private PyprojectParser() {
    }

    static List<Dependency> parse(String manifest, String text) throws ManifestException {
        JsonNode root = TomlTree.read(text);
        TextLines lines = new TextLines(text);
        List<Dependency> result = new ArrayList<>();
        JsonNode project = root.path("project");
        int projectLine = Math.max(1, lines.tomlTable("project"));
        pep621(project.path("dependencies"), "project", manifest, lines, projectLine, result);
        int optionalLine = lines.tomlTable("project.optional-dependencies");
        for (Map.Entry<String, JsonNode> group : project.path("optional-dependencies").properties()) {
            pep621(group.getValue(), "optional:" + group.getKey(), manifest, lines,
                    optionalLine > 0 ? optionalLine : projectLine, result);
        }
        JsonNode poetry = root.path("tool").path("poetry");
        poetry(poetry.path("dependencies"), "tool.poetry.dependencies", "poetry", manifest, lines, result);
        poetry(poetry.path("dev-dependencies"), "tool.poetry.dev-dependencies", "poetry:dev", manifest, lines, result);
        for (Map.Entry<String, JsonNode> group : poetry.path("group").properties()) {
            poetry(group.getValue().path("dependencies"), "tool.poetry.group." + group.getKey() + ".dependencies",
                    "poetry:" + group.getKey(), manifest, lines, result);
        }
        return result;
    }

    private static void pep621(JsonNode requirements, String scope, String manifest, TextLines lines, int from,
                               List<Dependency> out) {
        for (JsonNode requirement : requirements) {
            if (requirement.isTextual()) {
                Dependency dependency = PythonRequirement.parse(requirement.asText(), manifest,
                        lines.find(requirement.asText(), from), scope);
                if (dependency != null) {
                    out.add(dependency);
                }
            }
        }
    }

    private static void poetry(JsonNode table, String header, String scope, String manifest, TextLines lines,
                               List<Dependency> out) {
        int tableLine = lines.tomlTable(header);
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            if (entry.getKey().equalsIgnoreCase("python")) {
                continue;
            }
            String name = PythonRequirement.normalize(entry.getKey());
            int line = lines.tomlKey(entry.getKey(), Math.max(1, tableLine));
            out.add(poetryDependency(name, entry.getValue(), manifest, line, scope));
        }
    }

    private static Dependency poetryDependency(String name, JsonNode value, String manifest, int line, String scope) {
        String constraint = value.isTextual() ? value.asText() : value.path("version").isTextual() ? value.get("version").asText() : null;
        if (constraint == null) {
            boolean source = value.has("git") || value.has("path") || value.has("url");
            // A source without a version, or a list of per-marker constraints: nothing single to look up.
            return Dependency.unpinned(Ecosystem.PYPI, name, source ? VersionState.EXTERNAL : VersionState.RANGED,
                    value.toString(), manifest, line, scope);
        }
        var exact = POETRY_EXACT.matcher(constraint.strip());
        if (exact.matches()) {
            return Dependency.pinned(Ecosystem.PYPI, name, exact.group(1), constraint, manifest, line, scope);
        }
        return Dependency.unpinned(Ecosystem.PYPI, name, VersionState.RANGED, constraint, manifest, line, scope);
    }
}
