package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Big Picture Review: a summary across the latest rows of the other 14 test-planning perspectives. Readiness is
 * the mean of their quality scores (ok rows with a score); top risks are their most severe findings; next steps
 * come from the recommendations of the lowest-scoring perspectives; totals add up their specifications, failure
 * modes, integration points and edge cases. Skipped until another perspective has written a row.
 * <p>
 * Quality score: the readiness (mean of the other perspectives' scores).
 */
@Component
class BigPicturePerspective extends TestPlanningPerspective {

    BigPicturePerspective(TestPlanServices services) {
        super(services, "big-picture", "Big Picture Review");
    }

    @Override
    protected boolean needsJava() {
        return false;
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        List<Row> rows = new ArrayList<>();
        for (String id : PerspectiveCatalog.CANONICAL_ORDER_BY_WORKER.get(WORKER)) {
            if (!id.equals(id())) {
                context.previousRow(id).ifPresent(rows::add);
            }
        }
        if (rows.isEmpty()) {
            return PlanResult.skipped("No other test-planning perspective has written a row yet: nothing to review.");
        }
        PlanResult result = new PlanResult();
        List<Row> scored = rows.stream().filter(r -> r.status() == Status.OK && r.qualityScore() != null).toList();
        double readiness = scored.stream().mapToDouble(Row::qualityScore).average().orElse(Double.NaN);
        result.qualityScore = scored.isEmpty() ? null : Math.round(readiness * 10_000) / 10_000.0;
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String metric : List.of("test_specifications", "failure_modes", "integration_points", "edge_cases", "api_changes")) {
            totals.put(metric, rows.stream().mapToDouble(r -> r.metric(metric).orElse(0)).sum());
        }
        totals.forEach((name, value) -> result.metric("total_" + name, value));
        result.metric("perspectives_reviewed", rows.size()).metric("perspectives_skipped_or_failed",
                rows.stream().filter(r -> r.status() != Status.OK).count());
        List<Finding> risks = rows.stream().flatMap(r -> r.findings().stream())
                .sorted(Comparator.comparing(Finding::severity)).limit(5).toList();
        List<Map<String, Object>> perspectives = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("perspective", r.perspectiveId());
            entry.put("status", r.status().label());
            entry.put("quality_score", r.qualityScore());
            entry.put("iteration", r.iteration());
            entry.put("commit", r.commit());
            entry.put("summary", r.summary());
            perspectives.add(entry);
        }
        result.details.put("perspectives", perspectives);
        result.details.put("top_risks", risks.stream().map(f -> f.severity().name().toLowerCase() + " " + f.rule() + " "
                + (f.file() == null ? "" : f.file() + (f.line() == null ? "" : ":" + f.line())) + ": " + f.message()).toList());
        rows.stream().filter(r -> r.status() == Status.OK && r.qualityScore() != null)
                .sorted(Comparator.comparingDouble(Row::qualityScore)).limit(3)
                .forEach(r -> r.recommendations().stream().findFirst()
                        .ifPresent(rec -> result.recommendations.add(r.perspectiveName() + ": " + rec)));
        rows.stream().filter(r -> r.status() != Status.OK).forEach(r -> result.notes.add(r.perspectiveName() + " is "
                + r.status().label() + ": " + Optional.ofNullable(r.reason()).orElse(Optional.ofNullable(r.error()).orElse(""))));
        String head = planning.snapshot().commit();
        long stale = rows.stream().filter(r -> head != null && !head.equals(r.commit())).count();
        if (stale > 0) {
            result.notes.add(stale + " of the reviewed rows " + (stale == 1 ? "was" : "were") + " planned at an earlier commit.");
        }
        result.summary = "Readiness " + (scored.isEmpty() ? "unknown" : Math.round(readiness * 100) + " %") + " across "
                + Plural.of(rows.size(), "perspective") + ": " + Plural.of(totals.get("test_specifications").longValue(), "test")
                + " specified, " + Plural.of(totals.get("failure_modes").longValue(), "failure mode") + ", "
                + Plural.of(totals.get("integration_points").longValue(), "integration point") + ", "
                + Plural.of(totals.get("edge_cases").longValue(), "edge case")
                + (risks.isEmpty() ? "." : "; top risk: " + risks.get(0).rule() + " (" + risks.get(0).severity().name().toLowerCase() + ").");
        return result;
    }
}
