package dev.autocoder.workers.pythonmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Python module names and test files from repository paths, by the import system's and pytest's conventions. */
public final class PythonModules {

    private PythonModules() {
    }

    /**
     * The dotted module name of a file: its name without {@code .py}, preceded by the enclosing folders that are
     * packages (hold an {@code __init__.py}), innermost last; a package's {@code __init__.py} is the package itself.
     * {@code src/shop/orders.py} with {@code src/shop/__init__.py} is {@code shop.orders}.
     *
     * @param paths every repository path of the snapshot, to see which folders are packages
     */
    public static String moduleName(String path, Set<String> paths) {
        List<String> parts = new ArrayList<>();
        String file = path.substring(path.lastIndexOf('/') + 1);
        String stem = file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
        if (!stem.equals("__init__")) {
            parts.add(stem);
        }
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        while (!folder.isEmpty() && paths.contains(folder + "/__init__.py")) {
            parts.add(folder.substring(folder.lastIndexOf('/') + 1));
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
        if (parts.isEmpty()) {
            parts.add(folder.isEmpty() ? "__init__" : folder.substring(folder.lastIndexOf('/') + 1));
        }
        Collections.reverse(parts);
        return String.join(".", parts);
    }

    public static boolean isPackageInit(String path) {
        return path.equals("__init__.py") || path.endsWith("/__init__.py");
    }

    /** Test code by pytest's conventions: under a {@code tests}/{@code test} folder, {@code test_*.py}, {@code *_test.py}, {@code conftest.py}. */
    public static boolean isTestPath(String path) {
        String p = "/" + path;
        String file = path.substring(path.lastIndexOf('/') + 1);
        return p.contains("/tests/") || p.contains("/test/") || file.startsWith("test_") || file.endsWith("_test.py")
                || file.equals("conftest.py");
    }
}
