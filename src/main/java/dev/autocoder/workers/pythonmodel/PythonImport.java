package dev.autocoder.workers.pythonmodel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One import of a Python file, relative imports already made absolute ({@code from ..x import y} in
 * {@code pkg.sub.mod} names module {@code pkg.x}).
 *
 * @param module the module the statement names: {@code a.b} of {@code import a.b} and of {@code from a.b import c}
 * @param name   for {@code from module import name}: the name taken, a submodule or an attribute of the module;
 *               null for {@code import module} and star imports
 * @param line   the line of the import statement
 * @param column its column, from 0 (as Python counts; ruff and {@code Modelled#isAt} count from 1)
 * @param when   when the statement runs
 * @param alias  the {@code as} name, or null
 * @param bindingRead whether the module reads the name the statement binds while it is imported (outside function
 *               bodies), and always for a star import: only then can the import meet a module still initializing
 *               that lacks what is read
 * @param star   whether it is {@code from module import *}
 * @param attributes the attributes of the binding the module reads while it is imported ({@code nx.NetworkXError}),
 *               {@code *} when it reads the binding otherwise, each at the first line that reads it
 */
public record PythonImport(String module, String name, int line, int column, When when, String alias,
                           boolean bindingRead, boolean star, Map<String, Integer> attributes) {

    /** The name the statement binds in the importing module: the alias, the name taken, or the top package. */
    public String binding() {
        if (alias != null) {
            return alias;
        }
        return name != null ? name : module.split("\\.")[0];
    }

    /** What the statement imports, dotted: {@code a.b} of {@code import a.b}, {@code a.b.c} of {@code from a.b import c}. */
    public String qualified() {
        return name == null ? module : module + "." + name;
    }

    /** When an import statement runs, which decides whether it can take part in a circular import. */
    public enum When {
        /** While the module itself is imported: at the top level, also inside try/if/with blocks and class bodies. */
        IMPORT_TIME,
        /** When the function holding it is called: a deferred import, the usual way to break a circular import. */
        DEFERRED,
        /** Never at run time: under {@code if TYPE_CHECKING:}, read by type checkers only. */
        TYPE_CHECKING,
        /**
         * Only when the file runs as a script: under {@code if __name__ == "__main__":}, where the module is
         * {@code __main__} and is never imported by its own name while another module initializes.
         */
        SCRIPT
    }

    static List<PythonImport> of(JsonNode imports) {
        List<PythonImport> out = new ArrayList<>();
        for (JsonNode i : imports) {
            String qualified = i.path("module").asText("");
            boolean fromImport = i.hasNonNull("from") && i.hasNonNull("name");
            String module = fromImport ? i.get("from").asText() : qualified;
            String name = fromImport ? i.get("name").asText() : null;
            if (module.isEmpty()) {
                // "from . import x" outside any package: x is a module next to the file.
                module = name == null ? "" : name;
                name = null;
            }
            if (module.isEmpty()) {
                continue;
            }
            When when = switch (i.path("kind").asText("module")) {
                case "function" -> When.DEFERRED;
                case "type_checking" -> When.TYPE_CHECKING;
                case "script" -> When.SCRIPT;
                default -> When.IMPORT_TIME;
            };
            String alias = i.hasNonNull("as") ? i.get("as").asText() : null;
            out.add(new PythonImport(module, name, i.path("line").asInt(0), i.path("column").asInt(0), when, alias,
                    i.path("read").asBoolean(true),
                    i.path("star").asBoolean(false), linesOf(i.path("attributes"))));
        }
        return List.copyOf(out);
    }

    private static Map<String, Integer> linesOf(JsonNode attributes) {
        Map<String, Integer> lines = new TreeMap<>();
        attributes.fields().forEachRemaining(e -> lines.put(e.getKey(), e.getValue().asInt()));
        return Collections.unmodifiableMap(lines);
    }
}
