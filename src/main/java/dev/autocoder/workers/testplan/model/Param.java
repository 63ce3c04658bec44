package dev.autocoder.workers.testplan.model;

/** A method parameter: its name and its declared type as written (generics kept), e.g. {@code List<Long>}. */
public record Param(String name, String type) {
}
