package dev.autocoder.workers.python;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The McCabe complexity ruff's C901 gives one Python function or method.
 *
 * @param name the function's name as ruff reports it (without its class)
 */
public record FunctionComplexity(String path, String name, int line, int complexity) {

    public static final Comparator<FunctionComplexity> MOST_COMPLEX_FIRST =
            Comparator.comparingInt(FunctionComplexity::complexity).reversed()
                    .thenComparing(FunctionComplexity::path).thenComparingInt(FunctionComplexity::line);

    /** "`name` is too complex (12 > 0)", as C901 says it. */
    private static final Pattern MESSAGE = Pattern.compile("`(.+)` is too complex \\((\\d+) > \\d+\\)");

    /** The complexity a C901 diagnostic reports; null when its message is not in C901's form. */
    static FunctionComplexity of(String path, RuffDiagnostic diagnostic) {
        Matcher m = MESSAGE.matcher(diagnostic.message());
        if (!"C901".equals(diagnostic.code()) || !m.matches()) {
            return null;
        }
        return new FunctionComplexity(path, m.group(1), diagnostic.row(), Integer.parseInt(m.group(2)));
    }
}
