package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.testplan.plan.ApiChange;
import dev.autocoder.workers.testplan.rules.ApiDiff;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backwards Compatibility: the public API diff between the last planned commit and the snapshot ({@link ApiDiff}):
 * removed types and methods, changed signatures and return types, narrowed visibility and added checked
 * exceptions are breaking (finding severity high); added methods are listed, not breaking. On a first run there is
 * no earlier commit: the row says so and the next run compares against this one.
 * <p>
 * Specifications: one compatibility test per breaking change. Quality score: {@code 1 / (1 + breaking)}; null on a
 * first run.
 */
@Component
class BackwardsCompatibilityPerspective extends TestPlanningPerspective {

    BackwardsCompatibilityPerspective(TestPlanServices services) {
        super(services, "backwards-compatibility", "Backwards Compatibility");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        if (!planning.snapshot().hasGitHistory()) {
            return PlanResult.skipped("The target has no git history: there is no earlier commit to compare the API with.");
        }
        PlanResult result = new PlanResult();
        if (planning.firstRun()) {
            result.summary = "First plan: no earlier planned commit to compare the public API with; the next plan compares against "
                    + WhatAreWeTestingPerspective.shortId(planning.snapshot().commit()) + ".";
            result.notes.add("No API diff on a first plan.");
            return result;
        }
        List<ApiChange> changes = ApiDiff.between(planning.changes(), planning.baselineFiles(), planning.model());
        result.apiChanges.addAll(changes);
        Map<String, Integer> byKind = new TreeMap<>();
        long breaking = 0;
        for (ApiChange change : changes) {
            byKind.merge(change.kind(), 1, Integer::sum);
            if (!change.breaking()) {
                continue;
            }
            breaking++;
            String simple = change.className().substring(change.className().lastIndexOf('.') + 1);
            String pkg = change.className().contains(".") ? change.className().substring(0, change.className().lastIndexOf('.')) : "";
            Finding f = Finding.of("api-" + change.kind(), "Backwards Compatibility", Severity.HIGH, change.file(), null, null,
                    simple + ": " + change.kind() + " " + describe(change), change.id());
            result.findings.add(f);
            result.specifications.add(Specs.of(change.file(), pkg, simple, change.className(),
                    change.after() != null && change.kind().equals("signature-changed") ? change.after().substring(change.after().indexOf(' ') + 1) : change.member(),
                    id(), "unit", "compatibility_" + change.kind() + "_" + change.member(),
                    "a caller written against " + WhatAreWeTestingPerspective.shortId(planning.baseline()) + " that uses " + change.before(),
                    "it is compiled and run against the current code",
                    "it still works, or the change is documented as breaking with a migration path",
                    List.of(), change.after() == null ? "the member is gone: callers must migrate" : change.after(),
                    List.of(change.id(), f.id())));
        }
        byKind.forEach((kind, count) -> result.metric(kind.replace('-', '_'), count));
        result.metric("breaking_changes", breaking);
        result.qualityScore = 1.0 / (1 + breaking);
        result.summary = changes.isEmpty() ? "No public API change since " + WhatAreWeTestingPerspective.shortId(planning.baseline()) + "."
                : Plural.of(changes.size(), "public API change") + " since "
                + WhatAreWeTestingPerspective.shortId(planning.baseline()) + ", "
                + breaking + " breaking: " + byKind + ".";
        if (breaking > 0) {
            result.recommendations.add("Keep the old members deprecated for a release, or announce the "
                    + Plural.of(breaking, "breaking change") + " with a migration note.");
        }
        return result;
    }

    private static String describe(ApiChange change) {
        if (change.before() != null && change.after() != null) {
            return change.before() + " -> " + change.after();
        }
        return change.before() != null ? change.before() : change.after();
    }
}
