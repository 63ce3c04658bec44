package dev.autocoder.workers.implementation.code;

/**
 * The declarations around a line of a Java file, as JavaParser sees them.
 *
 * @param typeName       package-qualified name of the innermost type around the line (nested types joined with
 *                       '.'); null when the line is outside every type (e.g. an import)
 * @param member         what is declared at the line when it is not inside a method: {@code field capacity},
 *                       {@code import java.util.Map}; null inside a method
 * @param callableName   the method or constructor around the line; null outside one
 * @param callableBegin  its first line
 * @param callableEnd    its last line
 */
public record CodeSite(String packageName, String typeName, String member, String callableName, Integer callableBegin,
                       Integer callableEnd) {

    public boolean inCallable() {
        return callableName != null;
    }
}
