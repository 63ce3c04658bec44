package dev.autocoder.workers.testplan.model;

import dev.autocoder.workers.repository.Interned;

/** A method parameter: its name and its declared type as written (generics kept), e.g. {@code List<Long>}. */
public record Param(String name, String type) {

    public Param {
        name = Interned.string(name);
        type = Interned.string(type);
    }
}
