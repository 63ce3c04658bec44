package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PMD's OverrideBothEqualsAndHashcode looks at one class: an {@code equals(Object)} without {@code hashCode()}, or
 * the other way round, is reported even where the missing method is inherited from a superclass that defines it
 * (Guava's {@code RegularImmutableSet} caches its hash code and keeps {@code ImmutableSet}'s equals). The pair then
 * goes together by that superclass's contract. SpotBugs reports the mismatch only where the missing method is
 * Object's (HE_EQUALS_NO_HASHCODE, HE_HASHCODE_NO_EQUALS), and so does the code-quality row: such a violation is
 * left out and counted.
 * <p>
 * The superclasses are followed through the project's own classes, named as the file's imports, package and
 * enclosing classes say, up to one that defines the missing method, or to a JDK collection base class whose
 * equals and hashCode the collection contract ties together. An anonymous class, a superclass outside the project
 * or a name that does not resolve to one class keeps the violation.
 */
final class InheritedEqualityPairs {

    static final String RULE = "OverrideBothEqualsAndHashcode";
    private static final String EQUALS = "equals";
    private static final String HASH_CODE = "hashCode";

    private static final Set<String> JDK_COLLECTION_BASES = Set.of("AbstractMap", "AbstractSet", "AbstractList",
            "AbstractSequentialList");
    private static final int MAX_DEPTH = 20;

    /** The violations a row reports, and how many of the rule's were left out. */
    record Split(List<PmdViolation> kept, int inherited) {
    }

    private final Map<String, List<Owned>> typesBySimpleName = new HashMap<>();
    private final Map<String, FileModel> filesByPath = new HashMap<>();

    /** A type with the file that declares it. */
    private record Owned(FileModel file, TypeModel type) {
    }

    private InheritedEqualityPairs(CodeModel model) {
        for (FileModel file : model.parsed()) {
            filesByPath.put(file.path(), file);
            for (TypeModel type : file.types()) {
                typesBySimpleName.computeIfAbsent(type.simpleName(), k -> new ArrayList<>()).add(new Owned(file, type));
            }
        }
    }

    static Split of(List<PmdViolation> violations, CodeModel model) {
        if (violations.stream().noneMatch(v -> v.rule().equals(RULE))) {
            return new Split(violations, 0);
        }
        InheritedEqualityPairs pairs = new InheritedEqualityPairs(model);
        List<PmdViolation> kept = violations.stream().filter(v -> !v.rule().equals(RULE) || !pairs.inherited(v)).toList();
        return new Split(kept, violations.size() - kept.size());
    }

    /** The violation's class inherits the method it does not declare from a superclass that defines it. */
    private boolean inherited(PmdViolation violation) {
        FileModel file = filesByPath.get(violation.path());
        if (file == null) {
            return false;
        }
        for (TypeModel type : file.types()) {
            for (MethodModel method : type.methods()) {
                if (method.beginLine() <= violation.beginLine() && violation.beginLine() <= method.endLine()) {
                    String declared = equalityMethod(method);
                    return declared != null && definedAbove(new Owned(file, type),
                            declared.equals(EQUALS) ? HASH_CODE : EQUALS, new HashSet<>());
                }
            }
        }
        return false;
    }

    /** {@value #EQUALS} or {@value #HASH_CODE} for those methods, null for any other. */
    private static String equalityMethod(MethodModel method) {
        return switch (method.signature()) {
            case "equals(Object)", "equals(java.lang.Object)" -> EQUALS;
            case "hashCode()" -> HASH_CODE;
            default -> null;
        };
    }

    private boolean definedAbove(Owned owned, String method, Set<String> seen) {
        if (!seen.add(owned.type().qualifiedName()) || seen.size() > MAX_DEPTH) {
            return false;
        }
        for (String supertype : owned.type().supertypes()) {
            Optional<Owned> resolved = resolve(supertype, owned);
            if (resolved.isEmpty()) {
                if (JDK_COLLECTION_BASES.contains(erased(supertype).replaceFirst("^java\\.util\\.", ""))) {
                    return true;
                }
                continue;
            }
            TypeModel superclass = resolved.get().type();
            if (!superclass.kind().equals("class")) {
                // an interface may redeclare equals or hashCode for its javadoc, but defines neither
                continue;
            }
            if (superclass.methods().stream().anyMatch(m -> method.equals(equalityMethod(m)))
                    || definedAbove(resolved.get(), method, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The project class a supertype names from where it is written: nested in an enclosing class, imported by name,
     * top-level in the same package, nested in a class of the same package (the model keeps {@code
     * ImmutableSet.CachingAsList} as {@code CachingAsList}), or imported with a wildcard. Empty when none or more
     * than one fits, or when the file imports a class of that name from outside the project.
     */
    private Optional<Owned> resolve(String written, Owned from) {
        String name = erased(written);
        String simple = name.substring(name.lastIndexOf('.') + 1);
        List<Owned> candidates = typesBySimpleName.getOrDefault(simple, List.of()).stream()
                .filter(c -> c.type().qualifiedName().equals(name) || c.type().qualifiedName().endsWith("." + name))
                .toList();
        for (String scope = from.type().qualifiedName(); !scope.isEmpty(); scope = outer(scope)) {
            String nested = scope + "." + name;
            Optional<Owned> found = only(candidates.stream().filter(c -> c.type().qualifiedName().equals(nested)).toList());
            if (found.isPresent()) {
                return found;
            }
        }
        FileModel file = from.file();
        List<String> imported = file.imports().stream().filter(i -> i.endsWith("." + simple)).toList();
        if (!imported.isEmpty()) {
            return only(candidates.stream().filter(c -> imported.contains(c.type().qualifiedName())).toList());
        }
        List<Owned> samePackage = candidates.stream().filter(c -> c.type().packageName().equals(file.packageName())).toList();
        if (!samePackage.isEmpty()) {
            return only(samePackage);
        }
        return only(candidates.stream().filter(c -> file.imports().contains(c.type().packageName() + ".*")).toList());
    }

    private static String outer(String qualifiedName) {
        return qualifiedName.contains(".") ? qualifiedName.substring(0, qualifiedName.lastIndexOf('.')) : "";
    }

    private static Optional<Owned> only(List<Owned> candidates) {
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** {@code ImmutableSet<E>} to {@code ImmutableSet}, {@code Maps.EntrySet<K, V>} to {@code Maps.EntrySet}. */
    private static String erased(String written) {
        int generic = written.indexOf('<');
        return (generic < 0 ? written : written.substring(0, generic)).strip();
    }
}
