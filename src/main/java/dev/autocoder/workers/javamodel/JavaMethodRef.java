package dev.autocoder.workers.javamodel;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/** A method of the Java model together with the file and type that declare it. */
public record JavaMethodRef(String path, JavaTypeModel type, JavaMethodModel method) {

    /** Most complex first; ties by path and line so the order is stable. */
    public static final Comparator<JavaMethodRef> MOST_COMPLEX_FIRST = largestFirst(JavaMethodModel::cyclomatic);

    /** Most complex first by {@link JavaMethodModel#modifiedCyclomatic()}: what to split first. */
    public static final Comparator<JavaMethodRef> MOST_BRANCHING_FIRST = largestFirst(JavaMethodModel::modifiedCyclomatic);

    private static Comparator<JavaMethodRef> largestFirst(ToIntFunction<JavaMethodModel> measure) {
        return Comparator.comparingInt((JavaMethodRef m) -> measure.applyAsInt(m.method())).reversed()
                .thenComparing(JavaMethodRef::path)
                .thenComparingInt(m -> m.method().beginLine());
    }

    /** Every method and constructor of the model's parsed files. */
    public static List<JavaMethodRef> all(JavaModel model) {
        return model.parsedFiles().stream()
                .flatMap(file -> file.types().stream()
                        .flatMap(type -> type.methods().stream().map(method -> new JavaMethodRef(file.path(), type, method))))
                .toList();
    }

    /** {@code a.b.Type#method(String)}: names the method for people and serves as a line-independent snippet. */
    public String displayName() {
        return type.qualifiedName() + "#" + method.signature();
    }
}
