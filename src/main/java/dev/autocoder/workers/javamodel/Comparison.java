package dev.autocoder.workers.javamodel;

/**
 * A comparison of a name against a numeric literal in a method body, e.g. {@code amount > 10}.
 *
 * @param name     the compared name as written (a parameter, local or field)
 * @param operator {@code <, <=, >, >=, ==, !=} with the name on the left
 * @param constant the literal as a long
 */
public record Comparison(String name, String operator, long constant, int line) {
}
