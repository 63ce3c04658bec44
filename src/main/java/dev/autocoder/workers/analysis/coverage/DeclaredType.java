package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A type of the Java model together with the file that declares it. */
record DeclaredType(JavaFileModel file, JavaTypeModel type) {

    /** True for a type not nested in another one. */
    boolean topLevel() {
        String pkg = file.packageName();
        return type.qualifiedName().equals(pkg.isEmpty() ? type.simpleName() : pkg + "." + type.simpleName());
    }

    String packageName() {
        return file.packageName();
    }

    /** Every type of the parsed files, in file and declaration order. */
    static List<DeclaredType> all(JavaModel model) {
        List<DeclaredType> all = new ArrayList<>();
        for (JavaFileModel file : model.parsedFiles()) {
            file.types().forEach(t -> all.add(new DeclaredType(file, t)));
        }
        return all;
    }

    /** Types by qualified name; a name declared in several files (copies in two modules) has several. */
    static Map<String, List<DeclaredType>> byQualifiedName(JavaModel model) {
        Map<String, List<DeclaredType>> byName = new LinkedHashMap<>();
        all(model).forEach(t -> byName.computeIfAbsent(t.type().qualifiedName(), k -> new ArrayList<>()).add(t));
        return byName;
    }
}
