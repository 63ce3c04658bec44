package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.python.RuffFixer;
import dev.autocoder.workers.python.RuffSettings;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruff's F821 (undefined name) has no fix of ruff's, but the project usually defines the name: seen on werkzeug,
 * whose formparser.py raises {@code RequestEntityTooLarge()} (a NameError when the form is too large) where it imports
 * {@code exceptions} and writes {@code exceptions.RequestEntityTooLarge()} twice elsewhere. The implementation worker
 * takes it on first (a likely defect with a mechanical fix) and ends in a verified patch the real {@code git apply}
 * accepts: the name qualified with the module the file imports, or imported from the one module that defines it.
 */
class UndefinedNamePatchTest {

    private static final String ERRORS = """
            class OrderError(Exception):
                pass
            """;

    @TempDir
    Path temp;

    /** A repository with package {@code shop}, whose {@code errors} module defines {@code OrderError}. */
    private Path shopDefiningOrderError() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/__init__.py", "");
        ImplementationFixture.write(repo, "shop/errors.py", ERRORS);
        return repo;
    }

    @Test
    void anUndefinedNameIsQualifiedWithTheModuleTheFileImportsThatDefinesIt() throws Exception {
        Path repo = shopDefiningOrderError();
        ImplementationFixture.write(repo, "shop/orders.py", """
                from . import errors


                def check(amount):
                    if amount < 0:
                        raise errors.OrderError("negative")
                    if amount > 1000:
                        raise ValueError("größer") from OrderError("too large")
                    return amount
                """);

        JsonNode changes = patchOf(repo, "shop/orders.py");

        assertThat(changes.get("description").asText()).isEqualTo("Writes `errors.OrderError` at line 8 of "
                + "shop/orders.py: the file imports shop.errors as `errors`, and shop/errors.py defines `OrderError`.");
        assertThat(changes.get("diff").asText())
                // the column Python's ast gives counts UTF-8 bytes: "ö" and "ß" before the name are two each
                .contains("\n-        raise ValueError(\"größer\") from OrderError(\"too large\")\n"
                        + "+        raise ValueError(\"größer\") from errors.OrderError(\"too large\")\n");
        appliesAndLeavesNoUndefinedName(repo, changes, "shop/orders.py");
    }

    @Test
    void anUndefinedNameOneModuleDefinesIsImportedAfterTheFilesImports() throws Exception {
        Path repo = shopDefiningOrderError();
        ImplementationFixture.write(repo, "shop/util.py", "def positive(x):\n    return x > 0\n");
        ImplementationFixture.write(repo, "shop/orders.py", """
                \"""Orders.\"""
                import os

                from .util import positive


                def check(amount):
                    if not positive(amount):
                        raise OrderError(os.sep)
                    return amount
                """);

        JsonNode changes = patchOf(repo, "shop/orders.py");

        assertThat(changes.get("description").asText()).isEqualTo("Adds `from .errors import OrderError` to "
                + "shop/orders.py after line 4: shop/errors.py defines `OrderError`, and no other module of the project does.");
        assertThat(changes.get("diff").asText()).contains(" from .util import positive\n+from .errors import OrderError\n");
        appliesAndLeavesNoUndefinedName(repo, changes, "shop/orders.py");
    }

    @Test
    void aNameTheProjectOnlyImportsIsImportedFromWhereItComesFromNotReadThroughAModuleThatImportsIt() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/__init__.py", "");
        // twisted's internet/interfaces.py imports List from typing; its web/http.py imports interfaces and uses List
        ImplementationFixture.write(repo, "shop/interfaces.py", "from typing import List\n\n\nclass IOrder:\n"
                + "    items: List[str]\n");
        ImplementationFixture.write(repo, "shop/orders.py", """
                from typing import Optional

                from . import interfaces


                def first(order: interfaces.IOrder, prices: List[int]) -> Optional[int]:
                    return prices[0] if prices else None
                """);

        JsonNode changes = patchOf(repo, "shop/orders.py");

        assertThat(changes.get("description").asText()).isEqualTo("Adds `from typing import List` to shop/orders.py "
                + "after line 3: no module of the project defines `List`; shop/interfaces.py imports it from typing.");
        assertThat(changes.get("diff").asText()).contains("+from typing import List\n").doesNotContain("interfaces.List");
        appliesAndLeavesNoUndefinedName(repo, changes, "shop/orders.py");
    }

    @Test
    void aFunctionThatBindsTheModulesNameItselfGetsAnImportInstead() throws Exception {
        Path repo = shopDefiningOrderError();
        // `errors.OrderError` would read the parameter, not the module
        ImplementationFixture.write(repo, "shop/orders.py", """
                from . import errors


                def check(errors):
                    raise OrderError(errors)
                """);

        JsonNode changes = patchOf(repo, "shop/orders.py");

        assertThat(changes.get("diff").asText()).contains(" from . import errors\n+from .errors import OrderError\n")
                .doesNotContain("errors.OrderError(");
        appliesAndLeavesNoUndefinedName(repo, changes, "shop/orders.py");
    }

    @Test
    void aNameTwoModulesDefineOrOneThatWouldImportTheFileBackIsLeftToAPerson() throws Exception {
        Path repo = shopDefiningOrderError();
        ImplementationFixture.write(repo, "shop/legacy.py", ERRORS);
        ImplementationFixture.write(repo, "shop/cycle.py", "from .orders import check\n\n\nclass Rejected(Exception):\n    pass\n\n\n"
                + "def run(amount):\n    return check(amount)\n");
        ImplementationFixture.write(repo, "shop/orders.py", """
                def check(amount):
                    raise OrderError(amount)


                def reject(amount):
                    raise Rejected(amount)
                """);
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "Undefined names");

        List<String> verifications = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<Row> cycle = harness.cycle();
            JsonNode task = harness.analysisOf(cycle.get(0)).get("task");
            JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
            assertThat(task.get("rule").asText()).isEqualTo("F821");
            assertThat(harness.analysisOf(cycle.get(5)).get("chosen_approach").asText())
                    .isEqualTo("Define or correct the name where it is used");
            verifications.add(task.get("file").asText() + ":" + task.get("line").asInt() + " " + changes.get("source").asText()
                    + " " + changes.get("description").asText());
        }
        assertThat(String.join("\n", verifications)).contains("shop/orders.py:2").contains("shop/orders.py:6");
        assertThat(verifications).allSatisfy(v -> assertThat(v).contains(" none "));
        assertThat(String.join("\n", verifications))
                .contains("`OrderError` is defined in 2 modules (shop/errors.py, shop/legacy.py): which one is meant is a choice")
                .contains("`Rejected` is defined in shop/cycle.py, which imports shop.orders at its top level: importing it "
                        + "back would make a circular import");
    }

    private JsonNode patchOf(Path repo, String file) throws Exception {
        ImplementationHarness harness = ImplementationHarness.committedAndAnalyzedWithRuff(repo, temp.resolve("store"),
                "An undefined name");

        List<Row> cycle = harness.cycle();

        JsonNode task = harness.analysisOf(cycle.get(0)).get("task");
        assertThat(task.get("rule").asText()).isEqualTo("F821");
        assertThat(task.get("file").asText()).isEqualTo(file);
        assertThat(harness.analysisOf(cycle.get(0)).get("root_cause").asText())
                .startsWith("Typical of undefined names: a name used where nothing defines it");
        assertThat(harness.analysisOf(cycle.get(5)).get("chosen_approach").asText())
                .isEqualTo("Import or qualify the name from the module that defines it");
        JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
        assertThat(changes.get("source").asText()).isEqualTo("mechanical");
        assertThat(changes.get("verified").asBoolean()).as(changes.toString()).isTrue();
        assertThat(changes.get("verification").asText()).contains("py_compile").contains("no longer reports F821");
        return changes;
    }

    private static void appliesAndLeavesNoUndefinedName(Path repo, JsonNode changes, String file) throws Exception {
        String diff = changes.get("diff").asText();
        ImplementationFixture.GitResult check = ImplementationFixture.git(repo, diff, "apply", "--check", "-");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(ImplementationFixture.git(repo, diff, "apply", "-").exitCode()).isZero();
        String patched = Files.readString(repo.resolve(file));
        assertThat(patched).isEqualTo(changes.get("code").asText());
        RuffFixer fixer = new RuffFixer(RuffCli.path(), "python3", Duration.ofSeconds(60));
        assertThat(fixer.compileProblem(file, patched)).isEmpty();
        assertThat(fixer.check(file, patched, "F821", RuffSettings.curated())).hasValue(List.of());
    }
}
