package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.List;
import java.util.Map;

/**
 * A class, interface, enum or record of a Java file.
 *
 * @param qualifiedName package-qualified, nested types joined with '.'
 * @param visibility    as declared (public, protected, package, private)
 * @param annotations   simple names of the type's annotations
 * @param supertypes    extended and implemented types as written
 * @param fields        field name to declared type
 * @param serialVersionUid declares a {@code serialVersionUID} field
 * @param beginLine     the declaration's first line, with its annotations (a Python class's decorators)
 * @param endLine       its last line
 */
public record TypeModel(String packageName, String simpleName, String qualifiedName, String kind, String visibility, boolean isAbstract,
                        List<String> annotations, List<String> supertypes, Map<String, String> fields,
                        boolean serialVersionUid, int beginLine, int endLine, List<MethodModel> methods) {

    public TypeModel {
        packageName = Interned.string(packageName);
        qualifiedName = Interned.string(qualifiedName);
        kind = Interned.string(kind);
        visibility = Interned.string(visibility);
        annotations = Interned.strings(annotations);
        supertypes = Interned.strings(supertypes);
    }

    public boolean isPublic() {
        return visibility.equals("public");
    }

    /** True when the line is within the declaration. */
    public boolean spans(int line) {
        return beginLine <= line && line <= endLine;
    }

    public boolean hasAnnotation(String simpleName) {
        return annotations.stream().anyMatch(a -> a.equals(simpleName) || a.endsWith("." + simpleName));
    }
}
