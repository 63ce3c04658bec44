package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.javamodel.Comparison;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.testplan.rules.EdgeInputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boundary inputs of one Python parameter, as Python expressions: from its annotation, or from its default when it
 * has none (an unannotated {@code limit=10} is an int), and {@code None} when the annotation is {@code Optional}, a
 * union with {@code None}, or the default is {@code None}; then the neighbours c-1, c, c+1 of each constant the
 * body compares the parameter or its {@code len()} against. {@code *args} and {@code **kwargs} get none.
 */
public final class PythonEdgeInputs {

    private static final int LARGE = 10_000;

    private PythonEdgeInputs() {
    }

    public static List<EdgeInputs.Input> of(MethodModel method, Param param) {
        if (param.name().startsWith("*")) {
            return List.of();
        }
        Map<String, EdgeInputs.Input> inputs = new LinkedHashMap<>();
        String annotation = param.type() == null ? "" : param.type().replace(" ", "");
        String def = param.defaultValue();
        boolean optional = annotation.startsWith("Optional[") || annotation.startsWith("typing.Optional[")
                || annotation.contains("|None") || annotation.startsWith("None|") || "None".equals(def);
        String base = base(annotation, def);
        if (optional || base.isEmpty()) {
            put(inputs, "None", "null", "type");
        }
        fromType(base, element(annotation)).forEach(i -> inputs.putIfAbsent(i.expression(), i));
        for (Comparison c : method.comparisons()) {
            String source = "body:" + c.line();
            if (c.name().equals(param.name()) && (base.equals("int") || base.equals("float") || base.isEmpty())) {
                for (long n : new long[] {c.constant() - 1, c.constant(), c.constant() + 1}) {
                    put(inputs, base.equals("float") ? n + ".0" : String.valueOf(n), "boundary", source);
                }
            } else if (c.name().equals("len(" + param.name() + ")")) {
                for (long n : new long[] {c.constant() - 1, c.constant(), c.constant() + 1}) {
                    if (n >= 0) {
                        put(inputs, base.equals("str") ? "\"x\" * " + n : base.equals("bytes") ? "b\"x\" * " + n : "[0] * " + n,
                                "boundary", source);
                    }
                }
            }
        }
        return List.copyOf(inputs.values());
    }

    /** The annotation's outer type without Optional, or the default's literal type; "" when unknown. */
    static String base(String annotation, String def) {
        String a = annotation.replaceFirst("^(typing\\.)?Optional\\[(.*)]$", "$2").replace("|None", "").replaceFirst("^None\\|", "");
        a = a.replaceAll("\\[.*", "").replaceFirst("^typing\\.", "").replaceFirst("^collections\\.abc\\.", "");
        if (!a.isEmpty()) {
            return switch (a) {
                case "List", "Sequence", "Iterable", "Collection", "MutableSequence", "list" -> "list";
                case "Tuple", "tuple" -> "tuple";
                case "Set", "FrozenSet", "AbstractSet", "set", "frozenset" -> "set";
                case "Dict", "Mapping", "MutableMapping", "dict" -> "dict";
                default -> a;
            };
        }
        if (def == null || def.equals("None")) {
            return "";
        }
        if (def.matches("-?\\d+")) {
            return "int";
        }
        if (def.matches("-?\\d*\\.\\d+(e-?\\d+)?")) {
            return "float";
        }
        if (def.equals("True") || def.equals("False")) {
            return "bool";
        }
        if (def.matches("[rRuU]?(\".*\"|'.*')")) {
            return "str";
        }
        if (def.matches("[bB](\".*\"|'.*')")) {
            return "bytes";
        }
        if (def.startsWith("[") || def.startsWith("(")) {
            return def.startsWith("[") ? "list" : "tuple";
        }
        if (def.startsWith("{")) {
            return "dict";
        }
        return "";
    }

    private static String element(String annotation) {
        int open = annotation.indexOf('[');
        int close = annotation.lastIndexOf(']');
        if (open < 0 || close < open) {
            return "";
        }
        String inner = annotation.substring(open + 1, close);
        int comma = inner.indexOf(',');
        return (comma < 0 ? inner : inner.substring(0, comma)).replaceFirst("^typing\\.", "");
    }

    private static List<EdgeInputs.Input> fromType(String base, String element) {
        Map<String, EdgeInputs.Input> out = new LinkedHashMap<>();
        switch (base) {
            case "int" -> {
                put(out, "0", "zero", "type");
                put(out, "-1", "negative", "type");
                put(out, "1", "single", "type");
                put(out, "-(2 ** 63)", "min", "type");
                put(out, "2 ** 63 - 1", "max", "type");
            }
            case "float" -> {
                put(out, "0.0", "zero", "type");
                put(out, "-1.0", "negative", "type");
                put(out, "float(\"nan\")", "nan", "type");
                put(out, "float(\"inf\")", "max", "type");
                put(out, "1e308", "max", "type");
            }
            case "bool" -> {
                put(out, "True", "true", "type");
                put(out, "False", "false", "type");
            }
            case "str" -> {
                put(out, "\"\"", "empty", "type");
                put(out, "\" \"", "blank", "type");
                put(out, "\"a\"", "single", "type");
                put(out, "\"\\u00fc\\u65e5\\U0001F600\"", "unicode", "type");
                put(out, "\"x\" * " + LARGE, "large", "type");
            }
            case "bytes" -> {
                put(out, "b\"\"", "empty", "type");
                put(out, "b\"\\x00\"", "single", "type");
                put(out, "b\"x\" * " + LARGE, "large", "type");
            }
            case "list", "tuple", "set" -> {
                String sample = sample(element);
                String open = base.equals("list") ? "[" : base.equals("tuple") ? "(" : "{";
                String close = base.equals("list") ? "]" : base.equals("tuple") ? ",)" : "}";
                put(out, base.equals("set") ? "set()" : base.equals("tuple") ? "()" : "[]", "empty", "type");
                put(out, open + sample + close, "single", "type");
                if (!base.equals("set")) {
                    put(out, open + sample + close + " * " + LARGE, "large", "type");
                }
            }
            case "dict" -> {
                put(out, "{}", "empty", "type");
                put(out, "{\"\": None}", "single", "type");
            }
            default -> {
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String sample(String element) {
        return switch (element) {
            case "int" -> "1";
            case "float" -> "1.0";
            case "str" -> "\"a\"";
            case "bytes" -> "b\"a\"";
            case "bool" -> "True";
            default -> "None";
        };
    }

    private static void put(Map<String, EdgeInputs.Input> inputs, String expression, String category, String source) {
        inputs.putIfAbsent(expression, new EdgeInputs.Input(expression, category, source));
    }
}
