package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.repository.Scope;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RowFactoryTest {

    private static final Perspective QUALITY = new Perspective() {
        public String id() {
            return "code-quality";
        }

        public String name() {
            return "Code Quality Analysis";
        }

        public String worker() {
            return "analysis";
        }

        public PerspectiveResult analyze(PerspectiveContext context) {
            throw new UnsupportedOperationException();
        }
    };

    private final RowFactory factory = new RowFactory(new ObjectMapper(), new SecretRedactor(), 3,
            Clock.fixed(Instant.parse("2026-11-24T10:00:00.123456Z"), ZoneOffset.UTC), List.of());
    private final WorkerState state = new WorkerState(new WorkerDefinition("analysis", "analysis-worker", "ds",
            List.of("code-quality"), 60_000, 0));

    private static Finding finding(String rule, Severity severity, String file, int line, String snippet) {
        return Finding.of(rule, "cat", severity, file, line, line, rule + " at " + line, snippet);
    }

    private RowFactory.Built build(List<Finding> findings) {
        PerspectiveResult result = PerspectiveResult.ok("summary", 0.87654, findings, List.of("fix it"),
                List.of(Metric.of("files", 3)), Map.of("key", "value"));
        return factory.build(new Iteration(state, QUALITY, 1, state.nextIteration()), result, "/repo");
    }

    @Test
    void findingIdsAreStableAcrossLineShiftsAndUniqueWithinARow() {
        Finding a = finding("EmptyCatchBlock", Severity.HIGH, "A.java", 10, "catch (Exception e) {}");
        Finding shifted = finding("EmptyCatchBlock", Severity.HIGH, "A.java", 42, "catch (Exception e)   {}");
        assertThat(shifted.id()).isEqualTo(a.id());
        assertThat(finding("EmptyCatchBlock", Severity.HIGH, "B.java", 10, "catch (Exception e) {}").id()).isNotEqualTo(a.id());

        List<Finding> unique = RowFactory.withUniqueIds(List.of(shifted, a));
        assertThat(unique).extracting(Finding::id).containsExactlyInAnyOrder(a.id(), a.id() + "-2");
        assertThat(unique).filteredOn(f -> f.id().equals(a.id())).extracting(Finding::line).containsExactly(10);
    }

    @Test
    void sortsBySeverityCapsTheListAndCountsEverything() {
        List<Finding> findings = List.of(
                finding("Low", Severity.LOW, "A.java", 1, "a"),
                finding("Crit", Severity.CRITICAL, "B.java", 5, "b"),
                finding("Info", Severity.INFO, "A.java", 2, "c"),
                finding("High", Severity.HIGH, "A.java", 3, "d"),
                finding("High", Severity.HIGH, "A.java", 1, "e"));
        Row row = build(findings).row();
        assertThat(row.issuesFound()).isEqualTo(5);
        assertThat(row.findings()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Crit", 5), org.assertj.core.groups.Tuple.tuple("High", 1),
                        org.assertj.core.groups.Tuple.tuple("High", 3));
        assertThat(row.qualityScore()).isEqualTo(0.8765);
        assertThat(row.timestamp()).isEqualTo("2026-11-24T10:00:00.123Z");
        assertThat(row.details()).isEqualTo("{\"key\":\"value\"}");
        assertThat(row.newFindings()).as("no earlier result to compare with").isNull();
    }

    @Test
    void groupsRepeatedFindingsListsMainCodeFirstAndCountsEveryScopeAndSeverity() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            findings.add(Finding.of("FieldNamingConventions", "codestyle", Severity.LOW, "src/main/java/C" + i + ".java", i, i,
                    "The constant name 'log" + i + "' doesn't match '[A-Z][A-Z_0-9]*'", "log" + i).withScope(Scope.MAIN));
        }
        findings.add(Finding.of("ReturnFromFinallyBlock", "errorprone", Severity.HIGH, "src/main/java/D.java", 7, 7,
                "Avoid returning from a finally block", "return x;").withScope(Scope.MAIN));
        for (int i = 1; i <= 4; i++) {
            findings.add(Finding.of("hardcoded-secret", "secrets", Severity.CRITICAL, "src/test/resources/k" + i + ".pem", 1, 1,
                    "Private key (fingerprint ab" + i + ")", "k" + i).withScope(Scope.FIXTURE));
        }

        Row row = build(findings).row();

        assertThat(row.findingGroups()).extracting(FindingGroup::rule, FindingGroup::scope, FindingGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ReturnFromFinallyBlock", Scope.MAIN, 1),
                        org.assertj.core.groups.Tuple.tuple("FieldNamingConventions", Scope.MAIN, 13),
                        org.assertj.core.groups.Tuple.tuple("hardcoded-secret", Scope.FIXTURE, 4));
        assertThat(row.findingGroups().get(1).locations()).hasSize(FindingGroup.LOCATIONS)
                .startsWith("src/main/java/C1.java:1");
        assertThat(row.findings()).as("main code first, most severe first, capped at 3")
                .extracting(Finding::rule).containsExactly("ReturnFromFinallyBlock", "FieldNamingConventions",
                        "FieldNamingConventions");
        assertThat(row.metric("findings_main")).hasValue(14);
        assertThat(row.metric("findings_fixture")).hasValue(4);
        assertThat(row.metric("findings_test")).hasValue(0);
        assertThat(row.metric("findings.main.low")).hasValue(13);
        assertThat(row.metric("findings.main.high")).hasValue(1);
        assertThat(row.metric("findings.fixture.critical")).hasValue(4);
        assertThat(row.metric("findings.main.critical")).isEmpty();
    }

    @Test
    void countsNewAndResolvedAgainstThePreviousOkResult() {
        Finding kept = finding("R", Severity.LOW, "A.java", 1, "kept");
        Finding gone = finding("R", Severity.LOW, "A.java", 2, "gone");
        RowFactory.Built first = build(List.of(kept, gone));
        state.remember(first.row(), first.findingIds());

        Finding added = finding("R", Severity.LOW, "A.java", 3, "added");
        Row second = build(List.of(kept, added)).row();
        assertThat(second.newFindings()).isEqualTo(1);
        assertThat(second.resolvedFindings()).isEqualTo(1);
    }

    @Test
    void afterARestartComparesWithTheStoredRowOnlyWhenItListedEveryFinding() {
        Finding kept = finding("R", Severity.LOW, "A.java", 1, "kept");
        Row complete = build(List.of(kept)).row();
        state.recovered(complete, Map.of("code-quality", complete), Map.of("code-quality", complete));
        Row next = build(List.of(kept, finding("R", Severity.LOW, "A.java", 9, "new"))).row();
        assertThat(next.newFindings()).isEqualTo(1);
        assertThat(next.resolvedFindings()).isEqualTo(0);

        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(finding("R", Severity.LOW, "A.java", i, "f" + i));
        }
        Row capped = build(many).row();
        WorkerState restarted = new WorkerState(state.definition());
        restarted.recovered(capped, Map.of("code-quality", capped), Map.of("code-quality", capped));
        PerspectiveResult result = PerspectiveResult.ok("s", 1.0, many, List.of(), List.of(), Map.of());
        Row afterRestart = factory.build(new Iteration(restarted, QUALITY, 1, restarted.nextIteration()), result, "/repo").row();
        assertThat(afterRestart.newFindings()).as("the capped row did not list all findings").isNull();
        assertThat(afterRestart.resolvedFindings()).isNull();
        assertThat(afterRestart.iteration()).isEqualTo(capped.iteration() + 1);
    }

    @Test
    void redactsSecretsInEveryPublishedString() {
        String token = "hf_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7";
        PerspectiveResult result = new PerspectiveResult(Status.OK, null, "found " + token, 1.0,
                List.of(Finding.of("R", "c", Severity.LOW, "A.java", 1, 1, "value " + token, "x")),
                List.of("rotate " + token), List.of(), Map.of("leak", token));
        Row row = factory.build(new Iteration(state, QUALITY, 1, 1), result, "/repo").row();
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(row);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(json).doesNotContain(token).contains("[REDACTED]");
    }

    @Test
    void errorRowsCarryTheReasonAndNoScore() {
        PerspectiveResult failed = new PerspectiveResult(Status.ERROR, "IOException: disk gone", "Iteration failed", null,
                List.of(), List.of(), List.of(), Map.of());
        Row row = factory.build(new Iteration(state, QUALITY, 1, 1), failed, "/repo").row();
        assertThat(row.status()).isEqualTo(Status.ERROR);
        assertThat(row.error()).isEqualTo("IOException: disk gone");
        assertThat(row.reason()).isNull();
        assertThat(row.qualityScore()).isNull();
        assertThat(row.newFindings()).isNull();
        assertThat(row.findings()).isEmpty();
        assertThat(Set.of(row.details())).containsExactly("{}");
    }

    record Insights(long edgeCases, List<String> notes) {
    }

    @Test
    void aWorkersOwnColumnsArePresentOnEveryRowInDeclarationOrderAndRedacted() throws Exception {
        WorkerColumns columns = new WorkerColumns() {
            public String worker() {
                return "analysis";
            }

            public Map<String, java.lang.reflect.Type> types() {
                Map<String, java.lang.reflect.Type> types = new java.util.LinkedHashMap<>();
                types.put("stage_name", String.class);
                types.put("insights", Insights.class);
                return types;
            }

            public Map<String, Object> values(WorkerState s, PerspectiveResult result) {
                return result.columns();
            }
        };
        RowFactory withColumns = new RowFactory(new ObjectMapper(), new SecretRedactor(), 3,
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), List.of(columns));
        String token = "hf_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7";
        PerspectiveResult result = PerspectiveResult.ok("s", 1.0, List.of(), List.of(), List.of(), Map.of())
                .withColumns(Map.of("insights", new Insights(3, List.of("saw " + token))));
        Row row = withColumns.build(new Iteration(state, QUALITY, 1, 1), result, "/repo").row();

        String json = new ObjectMapper().writeValueAsString(row);
        assertThat(json).doesNotContain(token)
                .endsWith("\"details\":\"{}\",\"stage_name\":null,\"insights\":{\"edgeCases\":3,\"notes\":[\"saw [REDACTED]\"]}}");
        Row read = new ObjectMapper().readValue(json, Row.class);
        assertThat(read.extraColumns()).containsOnlyKeys("stage_name", "insights");
    }
}
