package dev.autocoder.workers.pythonmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.javamodel.CatchSite;
import dev.autocoder.workers.javamodel.Comparison;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.Loop;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.javamodel.ThrowSite;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the helper's JSON model of one Python file into the planner's code model, so the test-planning rules read
 * Python and Java alike. A module becomes a type of kind {@code module} holding its top-level functions (its
 * qualified name is the module's dotted name); each top-level class becomes a type of kind {@code class} named
 * {@code module.Class}. Names with a leading underscore are private; a module whose own name has one is internal
 * ({@code package}). A call of a class ({@code threading.Thread(..)}) is a creation, as {@code new} is in Java.
 */
final class PythonModelMapper {

    private PythonModelMapper() {
    }

    static FileModel file(String path, String contentHash, JsonNode json) {
        boolean test = PythonModules.isTestPath(path);
        if (json.hasNonNull("error")) {
            return failed(path, contentHash, json.get("error").asText(), test);
        }
        String module = json.path("module").asText("");
        String packageName = PythonModules.isPackageInit(path) ? module
                : module.contains(".") ? module.substring(0, module.lastIndexOf('.')) : "";
        List<String> imports = new ArrayList<>();
        json.path("imports").forEach(i -> imports.add(i.path("module").asText()));
        List<TypeModel> types = new ArrayList<>();
        String simple = module.substring(module.lastIndexOf('.') + 1);
        List<MethodModel> functions = new ArrayList<>();
        json.path("functions").forEach(f -> functions.add(method(f, false, module)));
        String parent = module.contains(".") ? module.substring(0, module.lastIndexOf('.')) : "";
        types.add(new TypeModel(parent, simple, module, "module", simple.startsWith("_") && !simple.equals("__init__")
                ? "package" : "public", false, List.of(), List.of(), Map.of(), false, 1, json.path("lines").asInt(1), functions));
        for (JsonNode c : json.path("classes")) {
            String name = c.path("name").asText();
            List<String> decorators = strings(c.path("decorators"));
            List<String> bases = strings(c.path("bases"));
            List<MethodModel> methods = new ArrayList<>();
            c.path("methods").forEach(m -> methods.add(method(m, true, module)));
            Map<String, String> fields = new LinkedHashMap<>();
            c.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
            boolean isAbstract = bases.stream().anyMatch(b -> b.equals("abc.ABC") || b.equals("ABC"))
                    || methods.stream().anyMatch(m -> m.hasAnnotation("abstractmethod"));
            types.add(new TypeModel(module, name, module + "." + name, "class", name.startsWith("_") ? "private" : "public",
                    isAbstract, decorators, bases, fields, false, c.path("line").asInt(1), c.path("end_line").asInt(c.path("line").asInt(1)),
                    methods));
        }
        return new FileModel(path, contentHash, packageName, imports, types, null, test);
    }

    /**
     * The call's facts, and {@link Invocation#OWN_PACKAGE} when it calls into the file's own top-level package:
     * the project's own code, whatever library its names resemble (requests' own {@code Session.request} is no HTTP
     * integration).
     */
    private static List<String> facts(JsonNode facts, String owner, String ownPackage) {
        List<String> out = strings(facts);
        if (owner != null && owner.startsWith(ownPackage)) {
            out = new ArrayList<>(out);
            out.add(Invocation.OWN_PACKAGE);
        }
        return out;
    }

    static FileModel failed(String path, String contentHash, String error, boolean test) {
        return new FileModel(path, contentHash, "", List.of(), List.of(), error, test);
    }

    private static MethodModel method(JsonNode f, boolean inClass, String module) {
        String ownPackage = module.split("\\.")[0] + ".";
        String name = f.path("name").asText();
        List<Param> params = new ArrayList<>();
        List<String> signatureParts = new ArrayList<>();
        for (JsonNode p : f.path("params")) {
            String kind = p.path("kind").asText();
            String paramName = (kind.equals("var_positional") ? "*" : kind.equals("var_keyword") ? "**" : "") + p.path("name").asText();
            params.add(new Param(paramName, p.path("annotation").asText(""), p.path("default").isNull() ? null : p.path("default").asText()));
            signatureParts.add(paramName);
        }
        List<String> decorators = strings(f.path("decorators"));
        String kind = f.path("kind").asText();
        boolean constructor = inClass && name.equals("__init__");
        boolean dunder = name.startsWith("__") && name.endsWith("__");
        String visibility = name.startsWith("_") && !dunder ? "private" : "public";
        // a `return None` path matters only in a function that returns a value on another path
        List<Integer> noneLines = new ArrayList<>();
        if (f.path("returns_value").asBoolean()) {
            f.path("none_returns").forEach(n -> noneLines.add(n.asInt()));
        }
        if (f.path("implicit_none").asBoolean()) {
            noneLines.add(f.path("end_line").asInt());
        }
        List<Loop> loops = new ArrayList<>();
        f.path("loops").forEach(l -> loops.add(new Loop(l.path("kind").asText(), l.path("line").asInt(), l.path("depth").asInt(),
                l.path("over_collection").asBoolean(), l.path("text").asText(), l.path("over").isNull() ? null : l.path("over").asText(),
                l.path("growth_depth").asInt(l.path("depth").asInt()))));
        List<String> closed = strings(f.path("closed"));
        List<Invocation> invocations = new ArrayList<>();
        for (JsonNode c : f.path("calls")) {
            String owner = c.path("type").isNull() ? null : c.path("type").asText();
            String called = c.path("method").asText();
            boolean creation = owner != null && !called.isEmpty() && Character.isUpperCase(called.charAt(0));
            String assigned = c.path("assigned_to").isNull() ? null : c.path("assigned_to").asText();
            invocations.add(new Invocation(creation, creation ? owner + "." + called : owner, creation ? "<init>" : called,
                    c.path("line").asInt(), c.path("loop_depth").asInt(), c.path("in_with").asBoolean(),
                    assigned != null && closed.contains(assigned), strings(c.path("params_reached")), c.path("text").asText(),
                    c.path("implicit").asBoolean(), c.path("arguments").asInt(), strings(c.path("caught_by")),
                    c.path("collection_loop").asInt(-1), List.of(), facts(c.path("facts"), owner, ownPackage)));
        }
        List<ThrowSite> throwSites = new ArrayList<>();
        f.path("raises").forEach(r -> throwSites.add(new ThrowSite(r.path("type").isNull() ? null : r.path("type").asText(),
                r.path("message").isNull() ? null : r.path("message").asText(), r.path("line").asInt(),
                r.path("in_except").asBoolean(), r.path("text").asText(), strings(r.path("caught_by")))));
        List<CatchSite> catches = new ArrayList<>();
        f.path("excepts").forEach(e -> catches.add(new CatchSite(strings(e.path("types")), e.path("line").asInt(),
                e.path("empty").asBoolean(), e.path("only_logs").asBoolean(), e.path("rethrows").asBoolean(),
                e.path("hands_on").asBoolean(), e.path("lost_cause").asBoolean(), e.path("deliberate").asBoolean(), e.path("only_cleans_up").asBoolean(),
                e.path("falls_back").asBoolean(), e.path("text").asText())));
        List<Comparison> comparisons = new ArrayList<>();
        f.path("comparisons").forEach(c -> comparisons.add(new Comparison(c.path("name").asText(), c.path("operator").asText(),
                c.path("constant").asLong(), c.path("line").asInt())));
        String returns = f.path("returns").isNull() ? "" : f.path("returns").asText();
        List<String> closedParams = params.stream().map(Param::name).filter(closed::contains).toList();
        return new MethodModel(name, name + "(" + String.join(", ", signatureParts) + ")", visibility,
                !inClass || kind.equals("staticmethod") || kind.equals("classmethod"), constructor,
                constructor ? "None" : returns, params, List.of(), List.of(), decorators, f.path("line").asInt(), f.path("end_line").asInt(),
                f.path("body_hash").asText(), f.path("cyclomatic").asInt(1), !noneLines.isEmpty(), noneLines, List.of(),
                List.of(), List.of(), invocations, throwSites, catches, comparisons, loops, strings(f.path("strings")), closedParams);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (!n.isNull()) {
                out.add(n.asText());
            }
        });
        return out;
    }
}
