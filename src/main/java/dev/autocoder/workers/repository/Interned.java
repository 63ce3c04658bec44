package dev.autocoder.workers.repository;

import java.util.List;

/**
 * One shared copy of the names the Java models repeat across thousands of methods and files: types, method names,
 * annotations, imports, rule names. On a large tree the copies alone are tens of megabytes of heap. Uses the JVM's
 * string pool, whose entries go away with their last user.
 */
public final class Interned {

    private Interned() {
    }

    public static String string(String value) {
        return value == null ? null : value.intern();
    }

    /** An unmodifiable copy with every element interned. */
    public static List<String> strings(List<String> values) {
        return values == null ? null : values.stream().map(Interned::string).toList();
    }
}
