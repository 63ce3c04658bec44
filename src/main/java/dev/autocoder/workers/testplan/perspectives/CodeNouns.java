package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.Planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The nouns a row counts code in, decided from what it counts. A Python developer says "function" (a method is a
 * function of a class) and "module" for the model's pseudo-type of a module's top-level functions: flask's 70
 * "main classes" were 22 modules and 48 classes. Java's words stay for Java, and "method" for a count that mixes
 * Java and Python. A count of nothing takes the words of the repository's main code ("0 functions with nested loops").
 */
final class CodeNouns {

    /** A noun with its plural, given whole: Plural pluralizes the last word only ("2 module and classes"). */
    record Noun(String singular, String plural) {

        /** "1 function", "3 modules and classes". */
        String of(long count) {
            return Plural.of(count, singular, plural);
        }

        /** "3 untested functions", "70 main modules and classes": the words go before the noun. */
        String of(long count, String words) {
            return Plural.of(count, words + " " + singular, words + " " + plural);
        }

        /** The noun alone, in the number of the count: "whose modules have". */
        String word(long count) {
            return count == 1 ? singular : plural;
        }
    }

    private static final String MODULE_KIND = "module";
    private static final Noun METHOD = new Noun("method", "methods");
    private static final Noun FUNCTION = new Noun("function", "functions");
    private static final Noun CLASS = new Noun("class", "classes");
    private static final Noun MODULE = new Noun("module", "modules");
    private static final Noun MODULE_OR_CLASS = new Noun("module or class", "modules and classes");

    private final boolean python;
    private final boolean modules;
    private final boolean classes;

    private CodeNouns(List<String> files, List<String> kinds) {
        python = !files.isEmpty() && files.stream().allMatch(f -> f.endsWith(".py"));
        modules = kinds.contains(MODULE_KIND);
        classes = kinds.stream().anyMatch(k -> !k.equals(MODULE_KIND));
    }

    /** The words for these methods: their files say function or method, what they belong to module or class. */
    static CodeNouns ofMethods(Planning planning, Collection<MethodRef> methods) {
        if (methods.isEmpty()) {
            return ofMainCode(planning);
        }
        return new CodeNouns(methods.stream().map(m -> m.file().path()).toList(), methods.stream().map(m -> m.type().kind()).toList());
    }

    /** The words for the counted types of these files. */
    static CodeNouns ofTypes(Planning planning, Collection<FileModel> files, Predicate<TypeModel> counted) {
        List<String> paths = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (FileModel file : files) {
            for (TypeModel type : file.types()) {
                if (counted.test(type)) {
                    paths.add(file.path());
                    kinds.add(type.kind());
                }
            }
        }
        return paths.isEmpty() ? ofMainCode(planning) : new CodeNouns(paths, kinds);
    }

    /** The words of the repository's main code. */
    static CodeNouns ofMainCode(Planning planning) {
        List<FileModel> files = planning.model().mainFiles();
        return new CodeNouns(files.stream().map(FileModel::path).toList(),
                files.stream().flatMap(f -> f.types().stream()).map(TypeModel::kind).toList());
    }

    /** True when everything counted is Python's. */
    boolean python() {
        return python;
    }

    /** "function" when every counted method is Python's, else "method". */
    Noun method() {
        return python ? FUNCTION : METHOD;
    }

    /** "module", "class", or "module or class" / "modules and classes" when the count holds both. */
    Noun type() {
        return modules ? classes ? MODULE_OR_CLASS : MODULE : CLASS;
    }

    /** What holds a type's tests: pytest's test module, JUnit's test class. */
    String testHolder() {
        return python ? "test module" : "test class";
    }

    /** What the method belongs to: a module's top-level function to its module, a method to its class. */
    static String owner(MethodRef method) {
        return method.type().kind().equals(MODULE_KIND) ? "module" : "class";
    }
}
