package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

/**
 * A method parameter: its name and its declared type as written (generics kept), e.g. {@code List<Long>}.
 *
 * @param defaultValue a Python parameter's default as written (e.g. {@code None}); null when it has none (always
 *                     for Java). Python's {@code *args} and {@code **kwargs} keep their stars in the name.
 */
public record Param(String name, String type, String defaultValue) {

    public Param {
        name = Interned.string(name);
        type = Interned.string(type);
        defaultValue = Interned.string(defaultValue);
    }

    public Param(String name, String type) {
        this(name, type, null);
    }
}
