package dev.autocoder.workers.implementation.code;

import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Calls to and from the touched code, from the Java model (no classpath: a call counts when its receiver's type,
 * resolved from declarations and imports, is the touched type, or when it is an unqualified call inside that type;
 * overloads of the same name are not told apart).
 */
public final class CallGraph {

    private CallGraph() {
    }

    /** Every call site of the method (or, for a constructor, every {@code new Type(...)}), main and test code. */
    public static List<CodeReference> callers(CodeModel model, MethodRef target) {
        String name = target.method().constructor() ? "<init>" : target.method().name();
        List<CodeReference> callers = new ArrayList<>();
        forEachCall(model, (file, type, method, call) -> {
            boolean sameType = type.qualifiedName().equals(target.type().qualifiedName());
            boolean receiverMatches = call.type() == null ? sameType && !call.creation()
                    : isType(call.type(), target.type());
            if (call.method().equals(name) && receiverMatches && !(sameType && method == target.method())) {
                callers.add(new CodeReference(type.qualifiedName(), method.signature(), file.path(), call.line(), call.text()));
            }
        });
        callers.sort(ORDER);
        return callers;
    }

    /** Calls on the type, or creations of it, from other types (when no method is touched, e.g. a field or import). */
    public static List<CodeReference> typeReferences(CodeModel model, TypeModel target) {
        List<CodeReference> references = new ArrayList<>();
        forEachCall(model, (file, type, method, call) -> {
            if (call.type() != null && isType(call.type(), target) && !type.qualifiedName().equals(target.qualifiedName())) {
                references.add(new CodeReference(type.qualifiedName(), method.signature(), file.path(), call.line(), call.text()));
            }
        });
        references.sort(ORDER);
        return references;
    }

    /** What the method calls, in line order. */
    public static List<CodeReference> callees(MethodRef method) {
        return method.method().invocations().stream()
                .map(call -> new CodeReference(call.type(), call.method(), method.file().path(), call.line(), call.text()))
                .sorted(Comparator.comparingInt(CodeReference::line))
                .toList();
    }

    private static boolean isType(String written, TypeModel type) {
        return written.equals(type.qualifiedName()) || written.equals(type.simpleName());
    }

    private static final Comparator<CodeReference> ORDER = Comparator.comparing(CodeReference::file)
            .thenComparingInt(CodeReference::line).thenComparing(CodeReference::text);

    private interface CallVisitor {
        void visit(FileModel file, TypeModel type, MethodModel method, Invocation call);
    }

    private static void forEachCall(CodeModel model, CallVisitor visitor) {
        for (FileModel file : model.parsed()) {
            for (TypeModel type : file.types()) {
                for (MethodModel method : type.methods()) {
                    for (Invocation call : method.invocations()) {
                        visitor.visit(file, type, method, call);
                    }
                }
            }
        }
    }
}
