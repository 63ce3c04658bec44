package dev.autocoder.workers.implementation.tests;

import dev.autocoder.workers.implementation.row.TestItem;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests in the repository that cover the touched code today: test methods that call a touched method (receiver
 * resolved as in the call graph), and test classes named after the touched class ({@code XTest}, {@code XTests},
 * {@code XIT}, {@code TestX}).
 */
public final class ExistingTests {

    private ExistingTests() {
    }

    public static List<TestItem> covering(CodeModel model, TypeModel type, List<MethodRef> touched) {
        Map<String, TestItem> tests = new LinkedHashMap<>();
        for (FileModel file : model.testFiles()) {
            for (TypeModel testType : file.types()) {
                for (MethodModel testMethod : testType.methods()) {
                    for (MethodRef target : touched) {
                        if (calls(testMethod, target)) {
                            String id = testType.qualifiedName() + "#" + testMethod.name();
                            tests.putIfAbsent(id, new TestItem(id, TestItem.EXISTING, testType.qualifiedName(),
                                    testMethod.name(), file.path(), target.key(), null,
                                    "calls " + target.method().name() + " today"));
                        }
                    }
                }
                if (type != null && namedAfter(testType.simpleName(), type.simpleName())) {
                    tests.putIfAbsent(testType.qualifiedName(), new TestItem(testType.qualifiedName(), TestItem.EXISTING,
                            testType.qualifiedName(), null, file.path(), type.qualifiedName(), null,
                            "test class named after " + type.simpleName()));
                }
            }
        }
        return new ArrayList<>(tests.values());
    }

    private static boolean calls(MethodModel testMethod, MethodRef target) {
        String name = target.method().constructor() ? "<init>" : target.method().name();
        for (Invocation call : testMethod.invocations()) {
            if (call.method().equals(name) && call.type() != null
                    && (call.type().equals(target.type().qualifiedName()) || call.type().equals(target.type().simpleName()))) {
                return true;
            }
        }
        return false;
    }

    static boolean namedAfter(String testName, String typeName) {
        for (String suffix : new String[] {"Test", "Tests", "IT", "IntegrationTest"}) {
            if (testName.equals(typeName + suffix)) {
                return true;
            }
        }
        return testName.equals("Test" + typeName);
    }
}
