package dev.autocoder.workers.javamodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Call resolution within the project's own main code, without a classpath: a call is matched to the project
 * methods of the receiver's type (or, for a call without a receiver or on {@code this}, of the caller's type and
 * its project supertypes and enclosing types) with the same name and a compatible number of arguments. Calls into
 * libraries and the JDK resolve to nothing. Overloads with the same arity all count as targets.
 */
public final class ProjectCalls {

    private final Map<String, List<TypeRef>> byQualified = new HashMap<>();
    private final Map<String, List<TypeRef>> bySimple = new HashMap<>();

    /** A project type with its file. */
    public record TypeRef(FileModel file, TypeModel type) {
    }

    public ProjectCalls(CodeModel model) {
        for (FileModel file : model.mainFiles()) {
            for (TypeModel type : file.types()) {
                TypeRef ref = new TypeRef(file, type);
                byQualified.computeIfAbsent(type.qualifiedName(), k -> new ArrayList<>()).add(ref);
                bySimple.computeIfAbsent(type.simpleName(), k -> new ArrayList<>()).add(ref);
            }
        }
    }

    /** The project methods a call may run; empty when it calls outside the project or cannot be resolved. */
    public List<MethodRef> targets(MethodRef caller, Invocation call) {
        List<TypeRef> owners = new ArrayList<>();
        if (call.creation()) {
            owners.addAll(byQualified.getOrDefault(call.type(), List.of()));
        } else if (call.implicitReceiver()) {
            collectHierarchy(new TypeRef(caller.file(), caller.type()), owners, new HashSet<>());
            // a call from a nested type may run a method of its enclosing type
            String outer = caller.type().qualifiedName();
            for (int dot = outer.lastIndexOf('.'); dot > 0; dot = outer.lastIndexOf('.')) {
                outer = outer.substring(0, dot);
                owners.addAll(byQualified.getOrDefault(outer, List.of()));
            }
        } else if (call.type() != null) {
            byQualified.getOrDefault(call.type(), List.of()).forEach(t -> collectHierarchy(t, owners, new HashSet<>()));
        }
        List<MethodRef> targets = new ArrayList<>();
        for (TypeRef owner : owners) {
            for (MethodModel m : owner.type().methods()) {
                boolean nameMatches = call.creation() ? m.constructor() : !m.constructor() && m.name().equals(call.method());
                if (nameMatches && arityMatches(m, call.arguments())) {
                    targets.add(new MethodRef(owner.file(), owner.type(), m));
                }
            }
        }
        return targets;
    }

    /** A project type named as written in a file: imported, in the file's package, or the only one of that name. */
    public Optional<TypeRef> type(String written, FileModel context) {
        String simple = TypeNames.erase(written);
        simple = simple.substring(simple.lastIndexOf('.') + 1);
        List<TypeRef> candidates = bySimple.getOrDefault(simple, List.of());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (context != null) {
            for (TypeRef c : candidates) {
                String q = c.type().qualifiedName();
                if (context.imports().contains(q) || c.type().packageName().equals(context.packageName())
                        || context.imports().contains(c.type().packageName() + ".*")) {
                    return Optional.of(c);
                }
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private void collectHierarchy(TypeRef type, List<TypeRef> out, Set<String> seen) {
        if (!seen.add(type.type().qualifiedName()) || seen.size() > 20) {
            return;
        }
        out.add(type);
        for (String supertype : type.type().supertypes()) {
            type(supertype, type.file()).ifPresent(s -> collectHierarchy(s, out, seen));
        }
    }

    private static boolean arityMatches(MethodModel m, int arguments) {
        int declared = m.params().size();
        // varargs are modelled as arrays: a trailing array parameter may take any number of arguments
        boolean varargs = declared > 0 && m.params().get(declared - 1).type().endsWith("[]");
        return declared == arguments || (varargs && arguments >= declared - 1);
    }
}
