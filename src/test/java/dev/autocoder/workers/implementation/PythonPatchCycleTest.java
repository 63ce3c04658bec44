package dev.autocoder.workers.implementation;

import dev.autocoder.workers.testsupport.FakeSecrets;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.python.RuffFixer;
import dev.autocoder.workers.python.RuffSettings;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation worker on a Python repository (a real git repository made here): ruff's findings come from the
 * code-quality analysis run with ruff, an unused import gets ruff's own safe fix as a verified patch that the real
 * {@code git apply} accepts, that {@code python -m py_compile} compiles and after which ruff no longer reports it; a
 * mutable default argument (ruff's fix for B006 is unsafe) gets a plan that names the concrete edit instead.
 */
class PythonPatchCycleTest {

    private static final String UTIL = """
            import os
            import json


            def load(text):
                return json.loads(text)
            """;
    private static final String CART = """
            def add(item, items=[]):
                items.append(item)
                return items
            """;

    private static final String LOOP = """
            def count(rows):
                n = 0
                for row in rows:
                    n += 1
                return n
            """;

    @TempDir
    Path temp;

    @Test
    void anUnusedImportEndsInRuffsFixAsAVerifiedPatch() throws Exception {
        String ruff = RuffCli.path();
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/__init__.py", "");
        ImplementationFixture.write(repo, "shop/util.py", UTIL);
        ImplementationFixture.commit(repo, "Planted an unused import", "2026-11-01T10:00:00Z");
        ImplementationHarness harness = ImplementationHarness.withRuff(repo, temp.resolve("store"), ruff);
        Row quality = harness.analysis.tick(harness.snapshot());
        assertThat(quality.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("F401");
            assertThat(f.file()).isEqualTo("shop/util.py");
        });

        List<Row> cycle = harness.cycle();

        assertThat(cycle).allSatisfy(r -> assertThat(r.status()).as(r.perspectiveId() + ": " + r.reason()).isEqualTo(Status.OK));
        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("F401");
        // an import is outside every function: no call graph to count, and the row says so
        assertThat(cycle.get(1).summary()).isEqualTo("shop/util.py: call sites not traced (the line is outside every "
                + "function of the Python model); 1 component affected.");
        assertThat(cycle.get(1).metric("call_sites")).isEmpty();
        assertThat(harness.analysisOf(cycle.get(1)).get("notes")).extracting(JsonNode::asText)
                .contains("shop/util.py line 1 is outside every function: the Python model places no caller or test for it.")
                .noneMatch(n -> n.contains("Java"));
        // the risks it cannot rate say why in Python's terms ("no Java model for this file" before)
        assertThat(harness.analysisOf(cycle.get(3)).get("risks")).filteredOn(r -> r.get("kind").asText().equals("fan_in"))
                .singleElement().extracting(r -> r.get("evidence").asText())
                .isEqualTo("outside every function of the Python model");
        assertThat(cycle).allSatisfy(r -> assertThat(harness.json(r).toString()).as(r.perspectiveId())
                .doesNotContain("Java model"));
        JsonNode plan = harness.analysisOf(cycle.get(5));
        JsonNode changes = plan.get("code_changes");
        assertThat(changes.get("verified").asBoolean()).as(changes.toString()).isTrue();
        assertThat(changes.get("source").asText()).isEqualTo("mechanical");
        assertThat(changes.get("file").asText()).isEqualTo("shop/util.py");
        assertThat(changes.get("verification").asText()).contains("py_compile").contains("no longer reports F401");
        assertThat(plan.get("chosen_approach").asText()).isEqualTo("Apply ruff's safe fix");
        String diff = changes.get("diff").asText();
        assertThat(diff).startsWith("--- a/shop/util.py\n+++ b/shop/util.py\n").contains("\n-import os\n");

        ImplementationFixture.GitResult check = ImplementationFixture.git(repo, diff, "apply", "--check", "-");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(ImplementationFixture.git(repo, diff, "apply", "-").exitCode()).isZero();
        String patched = Files.readString(repo.resolve("shop/util.py"));
        assertThat(patched).isEqualTo(changes.get("code").asText()).doesNotContain("import os").contains("import json");
        RuffFixer fixer = new RuffFixer(ruff, "python3", Duration.ofSeconds(60));
        assertThat(fixer.compileProblem("shop/util.py", patched)).isEmpty();
        assertThat(fixer.check("shop/util.py", patched, "F401", RuffSettings.curated())).hasValue(List.of());
    }

    /**
     * Seen on requests: ruff's F401 sees one file, so `import json` in compat.py looks unused while models.py does
     * `from .compat import json`. Removing it would break the package, so the patch is not verified.
     */
    @Test
    void anImportOtherModulesImportFromHereIsAReExportAndItsRemovalIsNotVerified() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/__init__.py", "");
        ImplementationFixture.write(repo, "shop/compat.py", """
                try:
                    import simplejson as json
                except ImportError:
                    import json
                """);
        ImplementationFixture.write(repo, "shop/models.py", """
                from .compat import json


                def load(text):
                    return json.loads(text)
                """);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "A compatibility module");

        List<Row> cycle = harness.cycle();

        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("file").asText()).isEqualTo("shop/compat.py");
        JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
        assertThat(changes.get("verified").asBoolean()).as(changes.toString()).isFalse();
        assertThat(changes.get("verification").asText()).contains("another module imports it, a re-export")
                .contains("shop/models.py:1: imports json from shop.compat");
    }

    /**
     * Ruff does not read type comments, so its F401 fix for {@code import os} also drops {@code Dict}, which
     * {@code # type: Dict[str, int]} uses (marshmallow's decorators.py): the check names that use.
     */
    @Test
    void removingAnImportATypeCommentUsesIsAUseTheCheckNames() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/hooks.py", """
                import os
                from typing import Dict

                HOOKS = {}  # type: Dict[str, int]
                """);
        RuffFixer fixer = new RuffFixer(RuffCli.path(), "python3", Duration.ofSeconds(60));

        assertThat(fixer.reExportsRemoved(repo, "shop/hooks.py", "HOOKS = {}  # type: Dict[str, int]\n"))
                .containsExactly("shop/hooks.py:4: a type comment uses Dict");
        assertThat(fixer.reExportsRemoved(repo, "shop/hooks.py", "from typing import Dict\n\nHOOKS = {}  # type: Dict[str, int]\n"))
                .isEmpty();
    }

    @Test
    void aMutableDefaultWhoseFixIsUnsafeGetsAPlanNamingTheEditNotAPatch() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/cart.py", CART);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "Planted a mutable default");

        List<Row> cycle = harness.cycle();

        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("B006");
        JsonNode plan = harness.analysisOf(cycle.get(5));
        JsonNode changes = plan.get("code_changes");
        assertThat(changes.get("verified").asBoolean()).isFalse();
        assertThat(changes.path("diff").isNull() || changes.path("diff").isMissingNode()).as(changes.toString()).isTrue();
        assertThat(changes.get("description").asText()).contains("ruff's fix for B006 may change behaviour");
        String firstStep = plan.get("plan_steps").get(0).asText();
        assertThat(firstStep).contains("shop/cart.py line 1").contains("def add(item, items=[]):")
                .contains("make the default `None` and create the mutable value in the body");
        assertThat(plan.get("plan_steps").toString()).contains("python -m py_compile shop/cart.py");
        assertThat(Files.readString(repo.resolve("shop/cart.py"))).isEqualTo(CART);
    }

    /**
     * Seen on flask, werkzeug and rich: the rules ruff has no fix for (B015, S104, B019, ...) had no edit in the
     * table, so their plan said only "change the code so that the rule no longer applies".
     */
    @Test
    void aRuleWithoutAFixOfRuffsGetsAPlanNamingTheEdit() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/check.py", """
                def check(value):
                    value == 1
                    return value
                """);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "A pointless comparison");

        List<Row> cycle = harness.cycle();

        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("B015");
        // a rule of no family: its message is the cause, not "Typical of other rules: the construct the rule describes"
        assertThat(harness.analysisOf(cycle.get(0)).get("root_cause").asText()).startsWith("B015 as reported: Pointless "
                + "comparison. Did you mean to assign a value? Otherwise, prepend `assert` or remove it. "
                + "It sits in check#check(value)");
        assertThat(harness.analysisOf(cycle.get(5)).get("plan_steps").get(0).asText()).contains("shop/check.py line 2")
                .contains("assign the comparison's result, prefix it with `assert` if a check was meant, or delete the statement");
    }

    /**
     * Bugbear's B034 (ruff has no fix): seen on click, whose {@code re.sub(r"\\W*", "", name, re.ASCII)} passes the
     * flag as the count (at most 256 replacements, no ASCII-only matching), and on flask, whose
     * {@code re.split(p, path, 1)} means {@code maxsplit=1}.
     */
    @Test
    void positionalArgumentsOfReFunctionsArePassedByKeywordAndAFlagPassedAsTheCountBecomesFlags() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/names.py", """
                import re


                def func_name(prog):
                    return re.sub(r"\\W*", "", prog.replace("-", "_"), re.ASCII)


                def head(path):
                    return re.split(r":(?![\\/])", path, 1) + [None]
                """);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "Positional re arguments");

        List<String> diffs = new java.util.ArrayList<>();
        List<String> descriptions = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<Row> cycle = harness.cycle();
            assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("B034");
            JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
            assertThat(changes.get("verified").asBoolean()).as(changes.toString()).isTrue();
            assertThat(changes.get("verification").asText()).contains("no longer reports B034");
            ImplementationFixture.GitResult check = ImplementationFixture.git(repo, changes.get("diff").asText(), "apply", "--check", "-");
            assertThat(check.exitCode()).as(check.output()).isZero();
            diffs.add(changes.get("diff").asText());
            descriptions.add(changes.get("description").asText());
        }
        assertThat(String.join("\n", diffs))
                .contains("+    return re.sub(r\"\\W*\", \"\", prog.replace(\"-\", \"_\"), flags=re.ASCII)\n")
                .contains("+    return re.split(r\":(?![\\/])\", path, maxsplit=1) + [None]\n");
        assertThat(descriptions).containsExactlyInAnyOrder(
                "Passes `re.ASCII` to `re.sub` as `flags=` at line 5 of shop/names.py: as the argument after the string it "
                        + "was the count (a flag's number), and the pattern ran without the flag.",
                "Passes the arguments after the string of `re.split` by keyword (`maxsplit=`) at line 9 of shop/names.py; "
                        + "each keeps its meaning.");
    }

    @Test
    void aCollapsibleElseIfGetsRuffsFixAsAVerifiedPatch() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/sign.py", """
                def sign(value):
                    if value > 0:
                        return 1
                    else:
                        # negative or zero
                        if value < 0:
                            return -1
                        else:
                            return 0
                """);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "An else holding an if");

        List<Row> cycle = harness.cycle();

        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("PLR5501");
        JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
        assertThat(changes.get("verified").asBoolean()).as(changes.toString()).isTrue();
        assertThat(changes.get("diff").asText()).contains("+    elif value < 0:\n");
        ImplementationFixture.GitResult check = ImplementationFixture.git(repo, changes.get("diff").asText(), "apply", "--check", "-");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    /**
     * The plan's edit quotes the code before and after from the first to the last changed line, unchanged lines
     * between them included: werkzeug's `_set_cache_value` read "replace `… else: if type is not None: … else:
     * self[key] = value` with `… elif type is not None: self[key] = type(value) self[key] = value`", the `else:` the
     * diff kept as context missing from the "after", as if the last branch had gone.
     */
    @Test
    void theEditInThePlanQuotesTheUnchangedLinesBetweenTheChangedOnes() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/cache.py", """
                def set_value(store, key, value, kind):
                    if kind is bool:
                        if value:
                            store[key] = None
                        else:
                            store.pop(key, None)
                    else:
                        if value is None:
                            store.pop(key, None)
                        elif value is True:
                            store[key] = None
                        else:
                            if kind is not None:
                                store[key] = kind(value)
                            else:
                                store[key] = value
                """);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "Nested else-ifs");

        List<Row> cycle = harness.cycle();

        JsonNode analysis = harness.analysisOf(cycle.get(5));
        assertThat(analysis.get("code_changes").get("verified").asBoolean()).isTrue();
        String edit = analysis.get("plan_steps").get(0).asText();
        assertThat(edit).as(analysis.get("code_changes").get("diff").asText()).endsWith(" lines 7-16 of shop/cache.py: "
                + "replace `else: if value is None: store.pop(key, None) elif value is True: store[key] = None else: if kind "
                + "is not None: store[key] = kind(value) else: store[key] = value` with `elif value is None: "
                + "store.pop(key, None) elif value is True: store[key] = None elif kind is not None: store[key] = kind(value) "
                + "else: store[key] = value`.");
    }

    @Test
    void aTestCertificatesKeyIsReportedButATaskInMainCodeComesFirst() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/loop.py", LOOP);
        ImplementationFixture.write(repo, "tests/certs/server.key", new FakeSecrets(16).privateKeyPem(10));
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "A test certificate and an unused loop variable");
        Snapshot snapshot = harness.snapshot();
        List<Finding> secrets = Finding.inScopes(new SecretScanner().scan(snapshot).toFindings(), snapshot::scopeOf);
        assertThat(secrets).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("tests/certs/server.key");
            assertThat(f.scope()).isEqualTo(Scope.FIXTURE);
        });
        AnalysisRowsSeeder.seed(harness, "security", secrets);

        List<Row> cycle = harness.cycle();

        // the critical key in test data would outrank a low finding if it counted as test code (5 x 0.25 > 0.5)
        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("B007");
        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("file").asText()).isEqualTo("shop/loop.py");
        assertThat(harness.analysisOf(cycle.get(5)).get("plan_steps").get(0).asText())
                .contains("shop/loop.py line 3").contains("rename the unused loop variable to `_`");
    }
}
