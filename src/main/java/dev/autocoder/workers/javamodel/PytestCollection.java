package dev.autocoder.workers.javamodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What pytest collects from the Python files of a model: the {@code test*} functions of a module, and the
 * {@code test*} methods, its own and those it inherits from the project's classes, of a {@code Test*} class without
 * {@code __init__} and of every subclass of unittest's {@code TestCase} whatever its name, through the project's own
 * classes (passlib's {@code des_crypt_test(HandlerCase)}, {@code HandlerCase(TestCase)} in its test utilities, that
 * one a {@code unittest.TestCase}). A base from outside the project counts when its name ends in {@code TestCase}:
 * unittest's, Django's, Tornado's {@code AsyncTestCase}, Twisted trial's all derive from unittest's.
 */
public final class PytestCollection {

    private final Map<String, TypeModel> classes = new HashMap<>();
    private final Map<String, Boolean> unittestCases = new HashMap<>();

    public PytestCollection(Collection<FileModel> files) {
        files.stream().filter(f -> f.path().endsWith(".py")).flatMap(f -> f.types().stream())
                .filter(t -> t.kind().equals("class")).forEach(t -> classes.putIfAbsent(t.qualifiedName(), t));
    }

    /** How many tests pytest collects from a type of a Python file. */
    public int tests(TypeModel type) {
        if (type.kind().equals("module")) {
            return (int) type.methods().stream().filter(m -> m.name().startsWith("test")).count();
        }
        boolean collected = unittestCase(type, new HashSet<>()) || type.simpleName().startsWith("Test")
                && type.methods().stream().noneMatch(m -> m.name().equals("__init__"));
        if (!collected) {
            return 0;
        }
        Set<String> names = new TreeSet<>();
        testMethods(type, names, new HashSet<>());
        return names.size();
    }

    /** Whether pytest may collect a test from a Python file; a file that cannot be parsed may hold some. */
    public boolean mayHoldTests(FileModel file) {
        return !file.parsed() || file.types().stream().anyMatch(t -> tests(t) > 0);
    }

    private void testMethods(TypeModel type, Set<String> names, Set<String> seen) {
        if (!seen.add(type.qualifiedName())) {
            return;
        }
        type.methods().stream().map(MethodModel::name).filter(n -> n.startsWith("test")).forEach(names::add);
        type.supertypes().stream().map(classes::get).filter(b -> b != null).forEach(b -> testMethods(b, names, seen));
    }

    private boolean unittestCase(TypeModel type, Set<String> seen) {
        Boolean known = unittestCases.get(type.qualifiedName());
        if (known != null) {
            return known;
        }
        if (!seen.add(type.qualifiedName())) {
            return false; // a cycle of bases (a name bound twice): no answer from this path
        }
        boolean unittest = type.supertypes().stream().anyMatch(base -> {
            TypeModel project = classes.get(base);
            return project != null ? unittestCase(project, seen) : base.endsWith("TestCase");
        });
        unittestCases.put(type.qualifiedName(), unittest);
        return unittest;
    }
}
