package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task in a Python function is placed in it from the Python model, as a Java one is from the Java model: the
 * architectural analysis lists the calls to it from its own module, a class of it and another module, and the
 * calls it makes (on flask the stage said "0 call site(s) in 0 class(es)" for every task without looking: it had
 * no model of Python code). A task outside every function: {@code PythonPatchCycleTest}'s unused import. A finding
 * on a decorator belongs to the function below it, one on a class statement to the class (on rich, B019 on
 * {@code @lru_cache} and B024 on {@code class RichRenderable(ABC):} were "outside every function" in four stages).
 */
class PythonTaskCallersTest {

    private static final String CART = """
            def add(item, items=[]):
                items.append(item)
                return items


            def add_twice(item):
                add(item)
                return add(item)


            class Basket:
                def put(self, item):
                    return add(item)
            """;

    private static final String ORDERS = """
            from shop.cart import add


            def order(item):
                return add(item)
            """;

    private static final String STYLES = """
            import functools
            from abc import ABC


            class Renderable(ABC):
                def render(self):
                    return ""


            class Style:
                def __init__(self, data):
                    self._data = data

                @functools.lru_cache(maxsize=None)
                def html(self, theme):
                    return theme + "x"

                @property
                def meta(self):
                    try:
                        return self._data["meta"]
                    except:
                        return None


            def paint(style):
                return style.html("dark") + str(style.meta)
            """;

    @TempDir
    Path temp;

    @Test
    void aTaskInAFunctionListsItsCallersAcrossModulesAndItsCallees() throws Exception {
        ImplementationHarness harness = analyzed(Map.of("shop/cart.py", CART, "shop/orders.py", ORDERS));

        List<Row> cycle = harness.cycle();

        JsonNode task = harness.analysisOf(cycle.get(0)).get("task");
        assertThat(task.get("rule").asText()).isEqualTo("B006");
        Row architecture = cycle.get(1);
        JsonNode analysis = harness.analysisOf(architecture);
        List<String> callers = new ArrayList<>();
        analysis.get("callers").forEach(c -> callers.add(c.get("class_name").asText() + "." + c.get("method").asText()
                + " " + c.get("file").asText() + ":" + c.get("line").asInt()));
        assertThat(callers).containsExactly("shop.cart.add_twice(item) shop/cart.py:7", "shop.cart.add_twice(item) shop/cart.py:8",
                "shop.cart.Basket.put(item) shop/cart.py:13", "shop.orders.order(item) shop/orders.py:5");
        assertThat(analysis.get("callees")).extracting(c -> c.get("method").asText()).containsExactly("append");
        assertThat(analysis.get("components")).extracting(JsonNode::asText).containsExactly("shop");
        assertThat(architecture.summary()).isEqualTo("shop.cart#add(item, items) in shop: 4 call sites in 3 classes reach it, "
                + "it makes 1 call; 1 component affected.");
        assertThat(architecture.metric("call_sites")).hasValue(4.0);
        // placed by the Python model: no note that the file has no model (it said "not a Java file: there is no Java
        // model (callers, tests, mechanical fixes)" beside the callers it had just listed)
        assertThat(analysis.get("notes")).extracting(JsonNode::asText).noneMatch(n -> n.contains("Java"));
        // keeping the finding is Python's `# noqa`, not a Java annotation
        JsonNode approaches = harness.analysisOf(cycle.get(2)).get("approaches");
        assertThat(approaches).extracting(a -> a.get("description").asText())
                .anyMatch(d -> d.startsWith("Suppress B006 on ") && d.contains("(`# noqa: B006` on its line)"))
                .noneMatch(d -> d.contains("annotation"));
    }

    @Test
    void aFindingOnADecoratorIsInItsFunctionAndOneOnAClassStatementIsInItsClass() throws Exception {
        ImplementationHarness harness = analyzed(Map.of("shop/styles.py", STYLES));

        Map<String, List<Row>> cycles = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            List<Row> cycle = harness.cycle();
            cycles.put(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText(), cycle);
        }

        assertThat(cycles).containsOnlyKeys("B019", "B024", "E722");
        List<Row> cache = cycles.get("B019");
        assertThat(harness.analysisOf(cache.get(0)).get("task").get("line").asInt()).isEqualTo(14); // the decorator
        assertThat(cache.get(1).summary()).startsWith("shop.styles.Style#html(theme) in shop: 0 call sites");
        assertThat(cache).extracting(Row::summary).noneMatch(s -> s.contains("outside every function"));
        assertThat(notes(harness, cache)).noneMatch(n -> n.contains("outside every function"));
        // the test it proposes is pytest's, where the test coverage perspective asks for one
        assertThat(harness.analysisOf(cache.get(4)).get("tests")).singleElement().satisfies(test -> {
            assertThat(test.get("test_class").asText()).isEqualTo("tests.test_styles.TestStyle");
            assertThat(test.get("test_name").asText()).isEqualTo("test_html_behaves_the_same_after_the_b019_fix");
            assertThat(test.get("file").asText()).isEqualTo("tests/test_styles.py");
            assertThat(test.get("description").asText()).contains("then it returns (or raises) the same");
        });

        List<Row> abstractBase = cycles.get("B024");
        assertThat(abstractBase.get(1).summary()).startsWith("shop.styles.Renderable in shop: 0 call sites in 0 classes reach it;");
        assertThat(notes(harness, abstractBase)).noneMatch(n -> n.contains("outside every function"))
                .contains("The change touches no method (the finding is in shop.styles.Renderable outside its methods): "
                        + "running the project's tests is the check.");
        assertThat(harness.analysisOf(abstractBase.get(0)).get("root_cause").asText())
                .contains("It is in shop.styles.Renderable, outside its methods.");

        // a property is read, not called: `style.meta` in paint is no call site, and the row says so
        assertThat(notes(harness, cycles.get("E722")))
                .contains("meta is a property: it is read as `.meta`, not called, so its reads are not among the call sites.");
    }

    /** A committed package {@code shop} of these modules, with the analysis worker's code-quality row of it. */
    private ImplementationHarness analyzed(Map<String, String> modules) throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/__init__.py", "");
        for (Map.Entry<String, String> module : modules.entrySet()) {
            ImplementationFixture.write(repo, module.getKey(), module.getValue());
        }
        ImplementationFixture.commit(repo, "A shop", "2026-11-01T10:00:00Z");
        ImplementationHarness harness = ImplementationHarness.withRuff(repo, temp.resolve("store"), RuffCli.path());
        harness.analysis.tick(harness.snapshot());
        return harness;
    }

    private static List<String> notes(ImplementationHarness harness, List<Row> cycle) {
        List<String> notes = new ArrayList<>();
        cycle.forEach(row -> harness.analysisOf(row).path("notes").forEach(n -> notes.add(n.asText())));
        return notes;
    }

    @Test
    void aComplexityFindingOfRuffStatesTheComplexityTheRowStates() throws Exception {
        // flask: "(139 lines, cyclomatic complexity 16)" beside ruff's "`make_response` is too complex (14 > 10)", when
        // the model counted boolean operators as PMD does for Java; it counts as ruff's McCabe does now
        StringBuilder tangled = new StringBuilder("def tangled(x, y):\n    total = 0\n");
        for (int i = 0; i < 11; i++) {
            tangled.append("    if x == ").append(i).append(" and y:\n        total += ").append(i).append("\n");
        }
        ImplementationHarness harness = analyzed(Map.of("shop/rules.py", tangled.append("    return total\n").toString()));

        List<Row> cycle = harness.cycle();

        JsonNode first = harness.analysisOf(cycle.get(0));
        assertThat(first.get("task").get("rule").asText()).isEqualTo("C901");
        assertThat(first.get("task").get("message").asText()).contains("is too complex (12 > 10)");
        assertThat(first.get("location").get("complexity").asInt()).isEqualTo(12);
        assertThat(cycle).allSatisfy(row -> assertThat(harness.json(row).toString()).doesNotContain("complexity 23"));
        assertThat(first.get("root_cause").asText())
                .contains("It sits in shop.rules#tangled(x, y) (lines 1-25, cyclomatic complexity 12).");
    }
}
