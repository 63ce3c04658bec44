package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.testplan.model.CodeModel;
import dev.autocoder.workers.testplan.model.FileModel;
import dev.autocoder.workers.testplan.model.TypeModel;

import java.util.HashSet;
import java.util.Set;

/**
 * Which main types have tests: a test type named {@code XTest}, {@code XTests}, {@code XIT} or {@code TestX}, or a
 * test file that imports the type. (Same-package tests that use a type without importing it count only by name.)
 */
public final class TestMapping {

    private final Set<String> testedNames = new HashSet<>();
    private final Set<String> importedTypes = new HashSet<>();

    public TestMapping(CodeModel model) {
        for (FileModel test : model.testFiles()) {
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
        String top = type.packageName().isEmpty() ? type.qualifiedName()
                : type.packageName() + "." + type.qualifiedName().substring(type.packageName().length() + 1).split("\\.")[0];
        return testedNames.contains(top) || importedTypes.contains(type.qualifiedName()) || importedTypes.contains(top);
    }

    private static String qualified(String packageName, String simple) {
        return packageName.isEmpty() ? simple : packageName + "." + simple;
    }
}
