package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.quality.ProjectTypes.Owned;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.HashSet;
import java.util.List;
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

    private final ProjectTypes types;

    private InheritedEqualityPairs(CodeModel model) {
        this.types = new ProjectTypes(model);
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
        FileModel file = types.file(violation.path()).orElse(null);
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
            Optional<Owned> resolved = types.resolve(supertype, owned);
            if (resolved.isEmpty()) {
                if (JDK_COLLECTION_BASES.contains(ProjectTypes.erased(supertype).replaceFirst("^java\\.util\\.", ""))) {
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
}
