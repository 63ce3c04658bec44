package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Scope;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a perspective's result into a row of the fixed contract: unique stable finding ids, findings sorted by
 * severity and capped, new and resolved counts against the perspective's previous ok result, and every
 * published string passed through the secret redactor, before anything leaves the process.
 */
@Component
public class RowFactory {

    /** How findings are ordered in a row: main code first (then build, test, fixture, generated), most severe first, then by place. */
    static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::scopeOrMain)
            .thenComparing(f -> f.severity() == null ? Severity.INFO : f.severity())
            .thenComparing(f -> f.file() == null ? "" : f.file())
            .thenComparingInt(Finding::lineOrZero)
            .thenComparing(Finding::rule);

    private final ObjectMapper mapper;
    private final SecretRedactor redactor;
    private final int maxFindings;
    private final Clock clock;
    private final Map<String, WorkerColumns> columnsByWorker = new HashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public RowFactory(@Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper, SecretRedactor redactor, AutocoderProperties properties,
                      List<WorkerColumns> workerColumns) {
        this(mapper, redactor, properties.getAnalysis().getMaxFindingsPerRow(), Clock.systemUTC(), workerColumns);
    }

    RowFactory(ObjectMapper mapper, SecretRedactor redactor, int maxFindings, Clock clock,
               List<WorkerColumns> workerColumns) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.maxFindings = maxFindings;
        this.clock = clock;
        for (WorkerColumns columns : workerColumns) {
            for (String name : columns.types().keySet()) {
                if (Row.COMMON_COLUMNS.contains(name)) {
                    throw new IllegalStateException("worker " + columns.worker() + " redeclares the common column " + name);
                }
            }
            columnsByWorker.put(columns.worker(), columns);
        }
    }

    /** The row for an iteration's result, and the complete set of its finding ids. */
    public Built build(Iteration iteration, PerspectiveResult result, String repository) {
        return build(iteration, result, repository, null);
    }

    /** The row for an iteration's result on the target {@code targetId}, and the complete set of its finding ids. */
    public Built build(Iteration iteration, PerspectiveResult result, String repository, String targetId) {
        WorkerState state = iteration.worker();
        String perspective = iteration.perspective().id();
        List<Finding> findings = withUniqueIds(result.findings());
        Set<String> ids = new HashSet<>();
        findings.forEach(f -> ids.add(f.id()));

        Integer newFindings = null;
        Integer resolvedFindings = null;
        if (result.status() == Status.OK) {
            Set<String> baseline = baseline(state, perspective);
            if (baseline != null) {
                newFindings = (int) ids.stream().filter(id -> !baseline.contains(id)).count();
                resolvedFindings = (int) baseline.stream().filter(id -> !ids.contains(id)).count();
            }
        }

        List<Finding> published = findings.stream().sorted(FINDING_ORDER).limit(maxFindings)
                .map(f -> f.withMessage(redactor.redact(f.message())))
                .toList();
        List<FindingGroup> groups = FindingGroup.of(findings).stream().limit(maxFindings)
                .map(g -> new FindingGroup(g.rule(), g.category(), g.severity(), g.scope(), g.count(),
                        redactor.redact(g.message()), g.locations()))
                .toList();
        Double score = result.qualityScore() == null || result.qualityScore().isNaN() ? null
                : Math.round(Math.max(0, Math.min(1, result.qualityScore())) * 10_000) / 10_000.0;
        Row row = new Row(
                Row.SCHEMA_VERSION,
                state.definition().worker(),
                iteration.number(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(),
                iteration.perspectiveNumber(),
                perspective,
                iteration.perspective().name(),
                redactor.redact(repository),
                targetId,
                iteration.snapshot() == null ? null : iteration.snapshot().commit(),
                iteration.elapsedMillis(),
                result.status(),
                result.status() == Status.ERROR ? redactor.redact(result.reason()) : null,
                result.status() == Status.ERROR ? null : redactor.redact(result.reason()),
                redactor.redact(result.summary()),
                result.status() == Status.OK ? score : null,
                findings.size(),
                published,
                groups,
                newFindings,
                resolvedFindings,
                result.recommendations().stream().map(redactor::redact).toList(),
                // a stage that never lists findings would publish a column of zeros
                iteration.perspective().reportsFindings() ? withScopeCounts(result.metrics(), findings) : result.metrics(),
                redactor.redact(json(result.status() == Status.ERROR ? result.details()
                        : UnreadableFiles.addedTo(result.details(), iteration.snapshot()))),
                workerColumns(iteration, result.withFindings(findings)));
        return new Built(row, ids);
    }

    /**
     * The perspective's metrics, one {@code findings_<scope>} count per scope and one {@code findings.<scope>.<severity>}
     * count per scope and severity that has findings, all of them counted (not only the listed ones), so totals by
     * scope and severity never depend on the capped list.
     */
    public static List<Metric> withScopeCounts(List<Metric> metrics, List<Finding> findings) {
        List<Metric> all = new ArrayList<>(metrics);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            counts.put("findings_" + scope.label(), findings.stream().filter(f -> f.scopeOrMain() == scope).count());
        }
        for (Scope scope : Scope.values()) {
            for (Severity severity : Severity.values()) {
                long count = findings.stream().filter(f -> f.scopeOrMain() == scope
                        && (f.severity() == null ? Severity.INFO : f.severity()) == severity).count();
                if (count > 0) {
                    counts.put("findings." + scope.label() + "." + severity.label(), count);
                }
            }
        }
        counts.forEach((name, count) -> {
            if (all.stream().noneMatch(m -> m.name().equals(name))) {
                all.add(Metric.of(name, count));
            }
        });
        return all;
    }

    /** The worker's own columns, every declared one present, every string in them redacted. */
    private Map<String, Object> workerColumns(Iteration iteration, PerspectiveResult result) {
        WorkerColumns columns = columnsByWorker.get(iteration.worker().definition().worker());
        if (columns == null) {
            return Map.of();
        }
        Map<String, Object> values = columns.values(iteration, result);
        Map<String, Object> published = new LinkedHashMap<>();
        for (String name : columns.types().keySet()) {
            Object value = values == null ? null : values.get(name);
            published.put(name, value == null ? null : redacted(mapper.valueToTree(value)));
        }
        return published;
    }

    private JsonNode redacted(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(redactor.redact(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.properties().forEach(entry -> entry.setValue(redacted(entry.getValue())));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i)));
            }
        }
        return node;
    }

    /** The ids to compare against: the full set from this process, or a stored row that listed all of its findings. */
    private static Set<String> baseline(WorkerState state, String perspective) {
        Set<String> known = state.findingIdsOf(perspective).orElse(null);
        if (known != null) {
            return known;
        }
        return state.lastOkRowOf(perspective)
                .filter(r -> r.findings().size() == r.issuesFound())
                .map(r -> {
                    Set<String> ids = new HashSet<>();
                    r.findings().forEach(f -> ids.add(f.id()));
                    return ids;
                })
                .orElse(null);
    }

    /** Same rule, file and snippet twice in one result: the later places get "-2", "-3", … in file order. */
    static List<Finding> withUniqueIds(List<Finding> findings) {
        Map<String, List<Finding>> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f));
        List<Finding> unique = new ArrayList<>(findings.size());
        for (List<Finding> group : byId.values()) {
            group.sort(Comparator.comparingInt(Finding::lineOrZero).thenComparing(f -> f.message() == null ? "" : f.message()));
            for (int i = 0; i < group.size(); i++) {
                unique.add(i == 0 ? group.get(i) : group.get(i).withId(group.get(i).id() + "-" + (i + 1)));
            }
        }
        return unique;
    }

    private String json(Map<String, Object> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"details could not be serialized\"}";
        }
    }

    /** A row with the complete set of its finding ids (the row itself may list fewer). */
    public record Built(Row row, Set<String> findingIds) {
    }
}
