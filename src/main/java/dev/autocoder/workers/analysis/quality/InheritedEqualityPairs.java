package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.quality.ProjectTypes.Owned;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * equals and hashCode the collection contract ties together; for an anonymous class from the type it is made of
 * (Guava's {@code new ForwardingMapEntry<C, V>() { equals(..) }}, whose hashCode is the entry's). A local class, a
 * superclass outside the project or a name that does not resolve to one class keeps the violation.
 */
final class InheritedEqualityPairs {

    static final String RULE = "OverrideBothEqualsAndHashcode";
    private static final String EQUALS = "equals";
    private static final String HASH_CODE = "hashCode";

    private static final Set<String> JDK_COLLECTION_BASES = Set.of("AbstractMap", "AbstractSet", "AbstractList",
            "AbstractSequentialList");
    private static final int MAX_DEPTH = 20;
    /** A method of an anonymous class as the model names it: the class's supertype, then the method's signature. */
    private static final Pattern ANONYMOUS_CLASS_METHOD = Pattern.compile("\\.<anonymous ([\\w.]+)>\\.(\\w+\\([^()]*\\))$");

    /** The violations a row reports, and how many of the rule's were left out. */
    record Split(List<PmdViolation> kept, int inherited) {
    }

    private final ProjectTypes types;
    private final Map<String, JavaFileModel> analysisFiles;

    private InheritedEqualityPairs(CodeModel model, JavaModel analysisModel) {
        this.types = new ProjectTypes(model);
        this.analysisFiles = analysisModel.byPath();
    }

    static Split of(List<PmdViolation> violations, CodeModel model, JavaModel analysisModel) {
        if (violations.stream().noneMatch(v -> v.rule().equals(RULE))) {
            return new Split(violations, 0);
        }
        InheritedEqualityPairs pairs = new InheritedEqualityPairs(model, analysisModel);
        List<PmdViolation> kept = violations.stream().filter(v -> !v.rule().equals(RULE) || !pairs.inherited(v)).toList();
        return new Split(kept, violations.size() - kept.size());
    }

    /**
     * The violation's class inherits the method it does not declare from a superclass that defines it. An anonymous
     * class is not a type of the model: the analysis model names its methods after the type it is made of
     * ({@code wrap(Entry).<anonymous Money>.equals(Object)}), resolved from the named type around it.
     */
    private boolean inherited(PmdViolation violation) {
        Matcher anonymous = anonymousClassMethodAt(violation.path(), violation.beginLine());
        if (anonymous != null) {
            String declared = equalityMethod(anonymous.group(2));
            return declared != null && types.typeAt(violation.path(), violation.beginLine())
                    .map(around -> definedIn(anonymous.group(1), around, missing(declared), new HashSet<>()))
                    .orElse(false);
        }
        FileModel file = types.file(violation.path()).orElse(null);
        if (file == null) {
            return false;
        }
        for (TypeModel type : file.types()) {
            for (MethodModel method : type.methods()) {
                if (method.beginLine() <= violation.beginLine() && violation.beginLine() <= method.endLine()) {
                    String declared = equalityMethod(method.signature());
                    return declared != null && definedAbove(new Owned(file, type), missing(declared), new HashSet<>());
                }
            }
        }
        return false;
    }

    /** The innermost method around the line when it is an anonymous class's, matched; null otherwise. */
    private Matcher anonymousClassMethodAt(String path, int line) {
        JavaFileModel file = analysisFiles.get(path);
        Matcher anonymous = file == null ? null : file.methodAt(line)
                .map(m -> ANONYMOUS_CLASS_METHOD.matcher(m.signature())).orElse(null);
        return anonymous != null && anonymous.find() ? anonymous : null;
    }

    private static String missing(String declared) {
        return declared.equals(EQUALS) ? HASH_CODE : EQUALS;
    }

    /** {@value #EQUALS} or {@value #HASH_CODE} for those methods, null for any other. */
    private static String equalityMethod(String signature) {
        return switch (signature) {
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
            if (definedIn(supertype, owned, method, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The supertype, written as it is in {@code from}'s file, defines the method or inherits it from a class that does. */
    private boolean definedIn(String supertype, Owned from, String method, Set<String> seen) {
        Optional<Owned> resolved = types.resolve(supertype, from);
        if (resolved.isEmpty()) {
            return JDK_COLLECTION_BASES.contains(ProjectTypes.erased(supertype).replaceFirst("^java\\.util\\.", ""));
        }
        TypeModel superclass = resolved.get().type();
        // an interface may redeclare equals or hashCode for its javadoc, but defines neither
        return superclass.kind().equals("class")
                && (superclass.methods().stream().anyMatch(m -> method.equals(equalityMethod(m.signature())))
                || definedAbove(resolved.get(), method, seen));
    }
}
