package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * A top-level or nested type declared in a Java file.
 *
 * @param qualifiedName package-qualified binary-style name with '.' for nesting, e.g. {@code a.b.Outer.Inner}
 * @param kind          class, interface, enum, record or annotation
 * @param isPublic      declared public
 * @param isAbstract    abstract class or interface
 * @param isTest        looks like a test class (in a test source folder or annotated test methods)
 * @param methods       declared methods and constructors, then those of the anonymous, local and enum-constant
 *                      classes inside its members (not inside its member types), whose signatures start with the
 *                      path to their class, e.g. {@code order.<anonymous Comparator>.compare(String, String)}
 */
public record JavaTypeModel(String simpleName, String qualifiedName, String kind, boolean isPublic, boolean isAbstract,
                            boolean isTest, int beginLine, int endLine, List<JavaMethodModel> methods) {

    public JavaTypeModel {
        simpleName = Interned.string(simpleName);
        qualifiedName = Interned.string(qualifiedName);
        kind = Interned.string(kind);
    }

    public int lines() {
        return endLine - beginLine + 1;
    }

    public int totalCyclomatic() {
        return methods.stream().mapToInt(JavaMethodModel::cyclomatic).sum();
    }
}
