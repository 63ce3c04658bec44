package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.PytestCollection;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.HashSet;
import java.util.Set;

/**
 * Which main types have tests: a test type named {@code XTest}, {@code XTests}, {@code XIT} or {@code TestX}, or a
 * test file that imports the type. (Same-package tests that use a type without importing it count only by name.)
 * Python by pytest's conventions: a test module {@code test_orders.py} or {@code orders_test.py} tests the modules
 * named {@code orders} and their classes, and a test that imports {@code shop.orders.total} tests {@code shop.orders}.
 */
public final class TestMapping {

    private final Set<String> testedNames = new HashSet<>();
    private final Set<String> importedTypes = new HashSet<>();
    private final Set<String> pythonTestedModules = new HashSet<>();

    public TestMapping(CodeModel model) {
        // a Python file named like a test without a test function is no test when none holds one (Python-Markdown's
        // markdown/test_tools.py, a TestCase base it ships): then the repository has no tests, as the pyramid says
        PytestCollection pytest = new PytestCollection(model.files());
        boolean pythonTests = model.testFiles().stream().filter(f -> f.path().endsWith(".py"))
                .anyMatch(pytest::mayHoldTests);
        for (FileModel test : model.testFiles()) {
            if (test.path().endsWith(".py") && !pythonTests) {
                continue;
            }
            if (test.path().endsWith(".py")) {
                String file = test.path().substring(test.path().lastIndexOf('/') + 1).replaceAll("\\.py$", "");
                pythonTestedModules.add(file.replaceFirst("^test_", "").replaceFirst("_test$", ""));
                for (String imported : test.imports()) {
                    for (int dot = imported.indexOf('.'); dot > 0; dot = imported.indexOf('.', dot + 1)) {
                        importedTypes.add(imported.substring(0, dot));
                    }
                    importedTypes.add(imported);
                }
                continue;
            }
            for (TypeModel type : test.types()) {
                String name = type.simpleName();
                for (String suffix : new String[] {"Tests", "Test", "IT", "IntegrationTest"}) {
                    if (name.endsWith(suffix) && name.length() > suffix.length()) {
                        testedNames.add(qualified(type.packageName(), name.substring(0, name.length() - suffix.length())));
                    }
                }
                if (name.startsWith("Test") && name.length() > 4) {
                    testedNames.add(qualified(type.packageName(), name.substring(4)));
                }
            }
            test.imports().stream().filter(i -> !i.startsWith("static ")).forEach(importedTypes::add);
        }
    }

    public boolean isTested(TypeModel type) {
        if (type.kind().equals("module")) {
            return pythonTested(type.qualifiedName());
        }
        if (!pythonTestedModules.isEmpty() && pythonTested(type.packageName())) {
            return true; // a Python class: its module is its package name
        }
        String top = type.packageName().isEmpty() ? type.qualifiedName()
                : type.packageName() + "." + type.qualifiedName().substring(type.packageName().length() + 1).split("\\.")[0];
        return testedNames.contains(top) || importedTypes.contains(type.qualifiedName()) || importedTypes.contains(top);
    }

    private boolean pythonTested(String module) {
        return !module.isEmpty() && (pythonTestedModules.contains(module.substring(module.lastIndexOf('.') + 1))
                || importedTypes.contains(module));
    }

    private static String qualified(String packageName, String simple) {
        return packageName.isEmpty() ? simple : packageName + "." + simple;
    }
}
