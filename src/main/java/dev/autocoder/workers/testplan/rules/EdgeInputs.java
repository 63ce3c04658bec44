package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.Comparison;
import dev.autocoder.workers.javamodel.Loop;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.Param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boundary inputs of one parameter, as Java expressions of the parameter's type: from the type (null, empty,
 * single, large collections; 0, negative, MIN/MAX numbers; empty, blank, unicode and long strings) and from the
 * body (the neighbours c-1, c, c+1 of every numeric constant c the parameter, its length or size, or the elements
 * it is iterated into are compared against).
 */
public final class EdgeInputs {

    /** One input with its category and where it comes from ({@code type} or {@code body:<line>}). */
    public record Input(String expression, String category, String source) {
    }

    private static final int LARGE = 10_000;

    private EdgeInputs() {
    }

    public static List<Input> of(MethodModel method, Param param) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        String type = param.type().strip();
        String base = type.replaceAll("<.*>", "").strip();
        String element = elementType(type);
        fromType(type, base, element).forEach(i -> inputs.putIfAbsent(i.expression(), i));
        for (Comparison c : method.comparisons()) {
            String source = "body:" + c.line();
            if (c.name().equals(param.name()) && isNumber(base)) {
                for (long n : neighbours(c.constant())) {
                    inputs.putIfAbsent(literal(base, n), new Input(literal(base, n), "boundary", source));
                }
            } else if (c.name().equals(param.name() + ".length()") && isText(base)) {
                for (long n : neighbours(c.constant())) {
                    if (n >= 0) {
                        String e = "\"x\".repeat(" + n + ")";
                        inputs.putIfAbsent(e, new Input(e, "boundary", source));
                    }
                }
            } else if ((c.name().equals(param.name() + ".size()") && isCollection(base))
                    || (c.name().equals(param.name() + ".length") && base.endsWith("[]"))) {
                for (long n : neighbours(c.constant())) {
                    if (n >= 0) {
                        String e = "java.util.Collections.nCopies(" + n + ", " + sample(element) + ")";
                        if (isCollection(base) && base.matches("(java\\.util\\.)?(List|Collection|Iterable)")) {
                            inputs.putIfAbsent(e, new Input(e, "boundary", source));
                        }
                    }
                }
            } else if (isCollection(base) && element != null && isNumber(element)
                    && iteratedInto(method, param.name()).contains(c.name())) {
                for (long n : neighbours(c.constant())) {
                    String e = "java.util.List.of(" + literal(element, n) + ")";
                    if (base.matches("(java\\.util\\.)?(List|Collection|Iterable)")) {
                        inputs.putIfAbsent(e, new Input(e, "boundary", source));
                    }
                }
            }
        }
        return List.copyOf(inputs.values());
    }

    /** Names of for-each variables that iterate over the parameter. */
    private static List<String> iteratedInto(MethodModel method, String param) {
        List<String> names = new ArrayList<>();
        for (Loop loop : method.loops()) {
            if (loop.kind().equals("for-each")) {
                String[] sides = loop.text().split(" : ", 2);
                if (sides.length == 2 && sides[1].strip().equals(param)) {
                    String[] declaration = sides[0].strip().split("\\s+");
                    names.add(declaration[declaration.length - 1]);
                }
            }
        }
        return names;
    }

    private static List<Input> fromType(String type, String base, String element) {
        List<Input> out = new ArrayList<>();
        switch (base) {
            case "int", "long", "short", "byte" -> numbers(out, base, false);
            case "Integer", "Long", "Short", "Byte", "java.lang.Integer", "java.lang.Long" -> numbers(out, base, true);
            case "double", "float", "Double", "Float" -> {
                if (Character.isUpperCase(base.charAt(0))) {
                    out.add(new Input("null", "null", "type"));
                }
                String suffix = base.equalsIgnoreCase("float") ? "f" : "";
                String box = base.equalsIgnoreCase("float") ? "Float" : "Double";
                out.add(new Input("0.0" + suffix, "zero", "type"));
                out.add(new Input("-1.0" + suffix, "negative", "type"));
                out.add(new Input(box + ".NaN", "nan", "type"));
                out.add(new Input(box + ".POSITIVE_INFINITY", "max", "type"));
                out.add(new Input(box + ".MAX_VALUE", "max", "type"));
            }
            case "boolean" -> {
                out.add(new Input("true", "true", "type"));
                out.add(new Input("false", "false", "type"));
            }
            case "Boolean" -> {
                out.add(new Input("null", "null", "type"));
                out.add(new Input("true", "true", "type"));
                out.add(new Input("false", "false", "type"));
            }
            case "char", "Character" -> {
                out.add(new Input("'\\0'", "min", "type"));
                out.add(new Input("Character.MAX_VALUE", "max", "type"));
            }
            case "String", "CharSequence", "java.lang.String" -> {
                out.add(new Input("null", "null", "type"));
                out.add(new Input("\"\"", "empty", "type"));
                out.add(new Input("\" \"", "blank", "type"));
                out.add(new Input("\"a\"", "single", "type"));
                out.add(new Input("\"\\u00fc\\u65e5\\uD83D\\uDE00\"", "unicode", "type"));
                out.add(new Input("\"x\".repeat(" + LARGE + ")", "large", "type"));
            }
            default -> {
                if (base.matches("(java\\.util\\.)?(List|Collection|Iterable)")) {
                    String sample = sample(element);
                    out.add(new Input("null", "null", "type"));
                    out.add(new Input("java.util.List.of()", "empty", "type"));
                    out.add(new Input("java.util.Collections.singletonList(" + sample + ")", "single", "type"));
                    out.add(new Input("java.util.Collections.nCopies(" + LARGE + ", " + sample + ")", "large", "type"));
                } else if (base.matches("(java\\.util\\.)?Set")) {
                    out.add(new Input("null", "null", "type"));
                    out.add(new Input("java.util.Set.of()", "empty", "type"));
                    out.add(new Input("java.util.Collections.singleton(" + sample(element) + ")", "single", "type"));
                } else if (base.matches("(java\\.util\\.)?Map")) {
                    out.add(new Input("null", "null", "type"));
                    out.add(new Input("java.util.Map.of()", "empty", "type"));
                } else if (base.matches("(java\\.util\\.)?Optional")) {
                    out.add(new Input("null", "null", "type"));
                    out.add(new Input("java.util.Optional.empty()", "empty", "type"));
                } else if (type.endsWith("[]")) {
                    String component = type.substring(0, type.length() - 2).replaceAll("<.*>", "");
                    if (component.matches("[A-Z][A-Z0-9]?")) {
                        component = "Object"; // a type variable: no array of it can be created
                    }
                    out.add(new Input("null", "null", "type"));
                    out.add(new Input("new " + component + "[0]", "empty", "type"));
                    out.add(new Input("new " + component + "[" + LARGE + "]", "large", "type"));
                } else {
                    out.add(new Input("null", "null", "type"));
                }
            }
        }
        return out;
    }

    private static void numbers(List<Input> out, String base, boolean boxed) {
        String box = switch (base.replace("java.lang.", "")) {
            case "int", "Integer" -> "Integer";
            case "long", "Long" -> "Long";
            case "short", "Short" -> "Short";
            default -> "Byte";
        };
        if (boxed) {
            out.add(new Input("null", "null", "type"));
        }
        out.add(new Input(literal(box, 0), "zero", "type"));
        out.add(new Input(literal(box, -1), "negative", "type"));
        out.add(new Input(literal(box, 1), "single", "type"));
        out.add(new Input(box + ".MIN_VALUE", "min", "type"));
        out.add(new Input(box + ".MAX_VALUE", "max", "type"));
    }

    /** A literal of the numeric type: {@code 10L}, {@code (short) 3}, {@code 7}. */
    static String literal(String type, long value) {
        String t = type.replace("java.lang.", "");
        return switch (t) {
            case "long", "Long" -> value + "L";
            case "short", "Short" -> "(short) " + value;
            case "byte", "Byte" -> "(byte) " + value;
            case "double", "Double" -> value + ".0";
            case "float", "Float" -> value + ".0f";
            default -> String.valueOf(value);
        };
    }

    private static long[] neighbours(long c) {
        return new long[] {c - 1, c, c + 1};
    }

    private static boolean isNumber(String base) {
        return base.replace("java.lang.", "").matches("int|long|short|byte|double|float|Integer|Long|Short|Byte|Double|Float");
    }

    private static boolean isText(String base) {
        return base.matches("(java\\.lang\\.)?(String|CharSequence)");
    }

    private static boolean isCollection(String base) {
        return base.matches("(java\\.util\\.)?(List|Collection|Iterable|Set)");
    }

    /** The first generic argument, e.g. {@code Long} of {@code List<Long>}; null when there is none. */
    private static String elementType(String type) {
        int open = type.indexOf('<');
        int close = type.lastIndexOf('>');
        if (open < 0 || close < open) {
            return null;
        }
        String inner = type.substring(open + 1, close).strip();
        int comma = inner.indexOf(',');
        return (comma < 0 ? inner : inner.substring(0, comma)).replace("? extends ", "").strip();
    }

    /** A value of the element type for sample collections; {@code null} when the type is not a simple one. */
    private static String sample(String element) {
        if (element == null) {
            return "null";
        }
        return switch (element.replace("java.lang.", "")) {
            case "Long" -> "1L";
            case "Integer" -> "1";
            case "Short" -> "(short) 1";
            case "Byte" -> "(byte) 1";
            case "Double" -> "1.0";
            case "Float" -> "1.0f";
            case "String", "CharSequence" -> "\"a\"";
            case "Boolean" -> "true";
            default -> "null";
        };
    }
}
