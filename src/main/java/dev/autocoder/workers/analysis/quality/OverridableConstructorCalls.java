package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.LinterFindings.Rated;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.quality.ProjectTypes.Owned;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.row.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PMD's ConstructorCallsOverridableMethod (Sonar's S1699, high) looks at one class: a constructor that calls a
 * method a subclass could override lets that subclass see a half-built object. Whether one does is in the class
 * hierarchy: a class of the project that overrides the method keeps the table's severity and is named (Guava's
 * {@code CompactLinkedHashMap} overrides the {@code init} its base's constructor calls); when none does and no class
 * outside the package can be made from it (a type that is not public, or constructors that are not public or
 * protected: Guava's {@code LocalCache.HashIterator}, {@code AbstractBiMap}) the call cannot reach an override: low;
 * when none does but a subclass elsewhere could: medium. Each rated finding says why.
 */
final class OverridableConstructorCalls {

    static final String RULE = "ConstructorCallsOverridableMethod";
    /** The called method in PMD's message: "... construction: CompactHashMap<K, V>.init(int)", "... .nextInChain()". */
    private static final Pattern CALLED = Pattern.compile("construction: .*?([A-Za-z_$][A-Za-z0-9_$]*)\\(");

    private OverridableConstructorCalls() {
    }

    /** The rating of each of the rule's violations the model can place. */
    static Map<PmdViolation, Rated> rate(List<PmdViolation> violations, CodeModel model) {
        Map<PmdViolation, Rated> rated = new HashMap<>();
        ProjectTypes types = null;
        for (PmdViolation violation : violations) {
            Matcher called = CALLED.matcher(violation.message());
            if (!violation.rule().equals(RULE) || !called.find()) {
                continue;
            }
            if (types == null) {
                types = new ProjectTypes(model);
            }
            Optional<Owned> owner = types.typeAt(violation.path(), violation.beginLine());
            if (owner.isPresent()) {
                rated.put(violation, rating(types, owner.get(), called.group(1)));
            }
        }
        return rated;
    }

    private static Rated rating(ProjectTypes types, Owned owner, String method) {
        List<String> overriding = types.subclasses(owner).stream()
                .filter(sub -> sub.type().methods().stream().anyMatch(m -> overrides(m, method)))
                .map(sub -> sub.type().simpleName()).toList();
        if (!overriding.isEmpty()) {
            return new Rated(null, String.join(", ", overriding.stream().limit(3).toList())
                    + (overriding.size() > 3 ? " and " + (overriding.size() - 3) + " more" : "")
                    + (overriding.size() == 1 ? " overrides `" : " override `") + method
                    + "`: it runs before the subclass's own fields are set");
        }
        if (!extendableElsewhere(owner)) {
            return new Rated(Severity.LOW, "no class of the project overrides `" + method + "`, and no class outside "
                    + "its package can extend " + owner.type().simpleName());
        }
        return new Rated(Severity.MEDIUM, "no class of the project overrides `" + method
                + "`; a subclass outside the project could");
    }

    private static boolean overrides(MethodModel candidate, String method) {
        return !candidate.constructor() && !candidate.isStatic() && candidate.name().equals(method)
                && !candidate.visibility().equals("private");
    }

    /**
     * Whether code outside the package can subclass the type: it and every type enclosing it are public or
     * protected, and it has a public or protected constructor (or none declared, and then the default one is as
     * visible as the class). Enums, records and interfaces have nothing to extend this way.
     */
    private static boolean extendableElsewhere(Owned owner) {
        TypeModel type = owner.type();
        if (!type.kind().equals("class") || !visibleElsewhere(type.visibility())) {
            return false;
        }
        for (TypeModel enclosing : owner.file().types()) {
            if (type.qualifiedName().startsWith(enclosing.qualifiedName() + ".") && !visibleElsewhere(enclosing.visibility())) {
                return false;
            }
        }
        List<MethodModel> constructors = type.methods().stream().filter(MethodModel::constructor).toList();
        return constructors.isEmpty() || constructors.stream().anyMatch(c -> visibleElsewhere(c.visibility()));
    }

    private static boolean visibleElsewhere(String visibility) {
        return visibility.equals("public") || visibility.equals("protected");
    }
}
