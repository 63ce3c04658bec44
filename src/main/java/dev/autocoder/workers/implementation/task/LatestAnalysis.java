package dev.autocoder.workers.implementation.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest ok row of each analysis perspective, and the priority of their findings ({@link TaskPriority}: severity
 * weight × defect factor × scope factor × deliverability factor × hotspot factor), where the hotspot factor of a
 * file ranked {@code r} among the {@code H} hotspots the newest architecture row lists is {@code 1 + (H - r + 1) / H}
 * (2 for the top hotspot, just over 1 for the last) and 1 for every other file. Findings in generated or fixture code are not
 * candidates.
 */
public final class LatestAnalysis {

    /**
     * Ties by severity, then likely defects before maintainability advice (the finding groups' order on the dashboard:
     * strings compared with == before the most complex method), then the larger measure (the method of complexity 24
     * before the one of 12), then place, then id: the same rows always give the same order.
     */
    static final Comparator<Candidate> PRIORITY_ORDER = Comparator.comparingDouble(Candidate::priority).reversed()
            .thenComparing(c -> c.finding().severity())
            .thenComparing(c -> !FindingGroup.isDefectCategory(c.finding().category()))
            .thenComparing(Comparator.comparingLong(Candidate::measure).reversed())
            .thenComparing(c -> c.finding().file() == null ? "" : c.finding().file())
            .thenComparingInt(c -> c.finding().lineOrZero())
            .thenComparing(c -> c.finding().id());

    private final Map<String, Row> rows;
    private final Map<String, Integer> hotspotRanks = new HashMap<>();
    private final int hotspots;
    private final String hotspotsNote;
    private final String readProblem;
    private final TaskPriority priority;

    /**
     * @param readProblem why the rows could not be read from the remote copy; null when they could
     * @param priority    how findings are weighed
     * @param json        reads the rows' details
     */
    public LatestAnalysis(Map<String, Row> newestOkRowByPerspective, String readProblem, TaskPriority priority,
                          ObjectMapper json) {
        this.readProblem = readProblem;
        this.priority = priority;
        this.rows = new LinkedHashMap<>(newestOkRowByPerspective);
        Row architecture = rows.get("architecture");
        String note = null;
        int listed = 0;
        if (architecture == null) {
            note = "no architecture row yet: every hotspot factor is 1";
        } else {
            JsonNode list = details(architecture, json).path("hotspots");
            if (!list.isArray()) {
                note = "the architecture row lists no hotspots (" + details(architecture, json).path("hotspots_unavailable_reason")
                        .asText("no reason given") + "): every hotspot factor is 1";
            } else {
                for (JsonNode hotspot : list) {
                    if (hotspot.hasNonNull("file") && hotspot.path("rank").canConvertToInt()) {
                        hotspotRanks.putIfAbsent(hotspot.get("file").asText(), hotspot.get("rank").asInt());
                    }
                }
                listed = list.size();
            }
        }
        this.hotspots = listed;
        this.hotspotsNote = note;
    }

    /** Why the analysis rows could not be read (the Hub copy was unreachable); null when they could. */
    public String readProblem() {
        return readProblem;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public Optional<Row> row(String perspective) {
        return Optional.ofNullable(rows.get(perspective));
    }

    /** Why hotspot factors are all 1, or null when the architecture row ranked files. */
    public String hotspotsNote() {
        return hotspotsNote;
    }

    public Integer hotspotRank(String file) {
        return file == null ? null : hotspotRanks.get(file);
    }

    public double hotspotFactor(String file) {
        Integer rank = hotspotRank(file);
        if (rank == null || hotspots == 0 || rank > hotspots) {
            return 1;
        }
        return 1 + (hotspots - rank + 1) / (double) hotspots;
    }

    /** A finding the rows do not list (a capped row), weighed like the listed ones. */
    Candidate candidate(Finding finding, String perspective, String commit) {
        return new Candidate(finding, perspective, commit, priority.of(finding, hotspotFactor(finding.file())),
                hotspotRank(finding.file()), priority.delivery(finding), finding.measure());
    }

    /** Whether a rule has a mechanical fix. */
    boolean mechanical(String rule) {
        return priority.hasMechanicalFix(rule);
    }

    /** Who delivers a finding whose mechanical fix refuses where it is. */
    TaskPriority.Delivery deliveryWithoutMechanicalFix() {
        return priority.withoutMechanicalFix();
    }

    /**
     * Every finding of the rows the worker may take on, highest priority first (the same finding listed twice counts
     * once; generated and fixture code is left out, see {@link #outOfScope()}).
     */
    public List<Candidate> candidates() {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        rows.forEach((perspective, row) -> {
            for (Finding finding : row.findings()) {
                if (TaskPriority.takesOn(finding)) {
                    byId.putIfAbsent(finding.id(), candidate(finding, perspective, row.commit()));
                }
            }
        });
        List<Candidate> sorted = new ArrayList<>(byId.values());
        sorted.sort(PRIORITY_ORDER);
        return sorted;
    }

    /** Findings of the rows in generated or fixture code, which the worker never takes on (counted once each). */
    public long outOfScope() {
        return rows.values().stream().flatMap(r -> r.findings().stream()).filter(f -> !TaskPriority.takesOn(f))
                .map(Finding::id).distinct().count();
    }

    private static JsonNode details(Row row, ObjectMapper json) {
        try {
            return row.details() == null ? json.createObjectNode() : json.readTree(row.details());
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
