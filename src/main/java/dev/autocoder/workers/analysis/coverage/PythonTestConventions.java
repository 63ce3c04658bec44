package dev.autocoder.workers.analysis.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How pytest finds tests, and what a test file names: {@code test_*.py} and {@code *_test.py} files, with
 * {@code conftest.py} beside them; a test file {@code test_cart.py} or {@code cart_test.py} is named after module
 * {@code cart}; and a test file tests the modules it imports ({@code from pkg.cart import total},
 * {@code from pkg import cart}, {@code import pkg.cart}).
 */
final class PythonTestConventions {

    private static final Pattern TEST_FILE = Pattern.compile("test_\\w*\\.py|\\w+_test\\.py|conftest\\.py");
    // indentation is spaces, tabs or form feeds: `^\\s*` would also span blank lines, and from each line start of a
    // long run of them scan to its end (quadratic: a file of 40,000 blank lines took 1.5 s, one of a megabyte hangs)
    private static final Pattern FROM_IMPORT = Pattern.compile(
            "^[ \\t\\f]*from\\s+([\\w.]+)\\s+import\\s+(\\([^)]*\\)|[^#\\n]+)", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^[ \\t\\f]*import\\s+([^#\\n]+)", Pattern.MULTILINE);

    private PythonTestConventions() {
    }

    static boolean isTestFile(String fileName) {
        return TEST_FILE.matcher(fileName).matches();
    }

    /** The module a test file is named after ({@code test_cart.py}, {@code cart_test.py}: cart); null for others. */
    static String testedName(String fileName) {
        if (fileName.startsWith("test_") && fileName.endsWith(".py") && fileName.length() > 8) {
            return fileName.substring(5, fileName.length() - 3);
        }
        if (fileName.endsWith("_test.py") && fileName.length() > 8) {
            return fileName.substring(0, fileName.length() - 8);
        }
        return null;
    }

    /**
     * The dotted names a file imports, each a module or a name in one: {@code from a.b import c, d} gives
     * {@code a.b}, {@code a.b.c} and {@code a.b.d}; {@code import a.b as x} gives {@code a.b}. Relative imports are
     * left out (tests import the code under test by its package).
     */
    static List<String> imports(String source) {
        List<String> names = new ArrayList<>();
        Matcher from = FROM_IMPORT.matcher(source);
        while (from.find()) {
            String module = from.group(1);
            if (module.startsWith(".")) {
                continue;
            }
            names.add(module);
            for (String part : from.group(2).replaceAll("[()\\\\]", " ").split(",")) {
                String name = part.strip().split("\\s+")[0];
                if (name.matches("\\w+")) {
                    names.add(module + "." + name);
                }
            }
        }
        Matcher plain = IMPORT.matcher(source);
        while (plain.find()) {
            for (String part : plain.group(1).split(",")) {
                String name = part.strip().split("\\s+")[0];
                if (name.matches("[\\w.]+")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
